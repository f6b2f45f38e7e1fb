import { Title } from '../catalog/title';

/** No row is longer than this. */
export const ROW_SIZE = 20;
/** A title appears in at most this many rows of one home page. */
export const MAX_ROWS_PER_TITLE = 2;

export interface HomeRow {
  id: string;
  title: string;
  items: Title[];
}

/**
 * Fills the rows of one home page, keeping them from repeating each other: a title is in at most two
 * rows, Continue Watching and My List included, and a genre row shows titles new to the page before
 * repeating any. Rows are filled in order of importance, each taking its best titles while it can; an
 * empty row comes back undefined, to be left out.
 */
export class HomeRows {
  private readonly appearances = new Map<string, number>();
  /** Titles already in two rows. */
  private readonly full = new Set<string>();
  private readonly fullExclusions: Set<string>[] = [];
  private readonly shownExclusions: Set<string>[] = [];

  /**
   * `base` plus every title already in two rows, kept up to date as rows are filled: what the sources
   * of later rows leave out, so they fill their rows without overfetching.
   */
  exclusion(base: ReadonlySet<string>): ReadonlySet<string> {
    const exclusion = new Set([...base, ...this.full]);
    this.fullExclusions.push(exclusion);
    return exclusion;
  }

  /** `base` plus every title already on the page, kept up to date: what counts as new for a genre row. */
  shownExclusion(base: ReadonlySet<string>): ReadonlySet<string> {
    const exclusion = new Set([...base, ...this.appearances.keys()]);
    this.shownExclusions.push(exclusion);
    return exclusion;
  }

  /** Continue Watching or My List: the viewer's own titles, shown as they are; they still count. */
  ownRow(id: string, title: string, titles: readonly Title[]): HomeRow | undefined {
    return this.fill(id, title, titles.slice(0, ROW_SIZE));
  }

  /** A row of the best candidates first, leaving out those in `exclusion` and those already in two rows. */
  row(id: string, title: string, candidates: readonly Title[], exclusion: ReadonlySet<string>): HomeRow | undefined {
    const items: Title[] = [];
    for (const candidate of candidates) {
      if (items.length >= ROW_SIZE) break;
      if (!exclusion.has(candidate.id) && !this.full.has(candidate.id)) items.push(candidate);
    }
    return this.fill(id, title, items);
  }

  /** A genre row: `fresh` titles new to the page first, then `repeats` of titles shown once, up to a full row. */
  genreRow(id: string, title: string, fresh: readonly Title[], repeats: readonly Title[]): HomeRow | undefined {
    const items: Title[] = [];
    const chosen = new Set<string>();
    for (const candidate of fresh) {
      if (items.length >= ROW_SIZE) break;
      if (this.appearances.has(candidate.id)) continue;
      chosen.add(candidate.id);
      items.push(candidate);
    }
    for (const candidate of repeats) {
      if (items.length >= ROW_SIZE) break;
      if (chosen.has(candidate.id) || this.full.has(candidate.id)) continue;
      chosen.add(candidate.id);
      items.push(candidate);
    }
    return this.fill(id, title, items);
  }

  private fill(id: string, title: string, items: Title[]): HomeRow | undefined {
    if (items.length === 0) return undefined;
    for (const item of items) this.count(item.id);
    return { id, title, items };
  }

  private count(titleId: string): void {
    const count = (this.appearances.get(titleId) ?? 0) + 1;
    this.appearances.set(titleId, count);
    if (count === 1) for (const exclusion of this.shownExclusions) exclusion.add(titleId);
    if (count >= MAX_ROWS_PER_TITLE) {
      this.full.add(titleId);
      for (const exclusion of this.fullExclusions) exclusion.add(titleId);
    }
  }
}
