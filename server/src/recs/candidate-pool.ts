import { Title } from '../catalog/title';
import { genreMatch, TasteProfile } from './taste-profile';

/** How much each kind of evidence counts in a candidate's score. */
export interface ScoreWeights {
  /** Watched together with the viewer's titles by other viewers. */
  coWatch: number;
  /** Alike in genres and year to the viewer's titles. */
  content: number;
  /** In the viewer's favourite genres. */
  genre: number;
  /** Played by many viewers this week. */
  trending: number;
  /** Editorial popularity, the last word between otherwise equal titles. */
  popularity: number;
  /** Close to a title the viewer gave a thumbs-down. */
  damping: number;
}

export const FOR_YOU_WEIGHTS: ScoreWeights = { coWatch: 1.5, content: 0.8, genre: 1, trending: 0.25, popularity: 0.1, damping: 1 };

/** "Because you watched": about one title, so the viewer's genres and the week's trends stay out. */
export const BECAUSE_WEIGHTS: ScoreWeights = { coWatch: 1.5, content: 0.8, genre: 0, trending: 0, popularity: 0.05, damping: 1 };

interface Evidence {
  title?: Title;
  coWatch: number;
  content: number;
  trending: number;
  damping: number;
}

/**
 * The titles worth considering for one list, with the evidence for each, gathered from bounded
 * sources (neighbour lists, similar titles, genre and trending tops), then scored and ranked at once.
 */
export class CandidatePool {
  private readonly evidence = new Map<string, Evidence>();

  /** A title to rank even without evidence of its own (its genres and popularity still count). */
  consider(title: Title): void {
    this.entry(title.id).title = title;
  }

  addCoWatch(titleId: string, amount: number): void {
    this.entry(titleId).coWatch += amount;
  }

  addContent(title: Title, amount: number): void {
    const entry = this.entry(title.id);
    entry.title = title;
    entry.content += amount;
  }

  /** Trending strength, 0..1; the strongest mention wins. */
  addTrending(titleId: string, strength: number): void {
    const entry = this.entry(titleId);
    entry.trending = Math.max(entry.trending, strength);
  }

  /** Pushes back a candidate already in the pool; a title no evidence put forward stays out. */
  addDamping(titleId: string, amount: number): void {
    const entry = this.evidence.get(titleId);
    if (entry) entry.damping += amount;
  }

  /** Candidates whose titles are not known yet: the caller resolves them with one catalog lookup. */
  unresolvedIds(): string[] {
    const ids: string[] = [];
    for (const [titleId, entry] of this.evidence) if (!entry.title) ids.push(titleId);
    return ids;
  }

  resolve(titles: readonly Title[]): void {
    for (const title of titles) {
      const entry = this.evidence.get(title.id);
      if (entry) entry.title = title;
    }
  }

  /** Drops candidates that `unwanted` says no to (titles a viewer may not see). */
  forget(unwanted: (title: Title) => boolean): void {
    for (const [titleId, entry] of this.evidence) if (entry.title && unwanted(entry.title)) this.evidence.delete(titleId);
  }

  /** The best candidates, never an excluded one; ties in catalog order. */
  rank(profile: Pick<TasteProfile, 'genreAffinity'>, weights: ScoreWeights, limit: number, exclude: ReadonlySet<string>): Title[] {
    const scored: { title: Title; score: number }[] = [];
    for (const entry of this.evidence.values()) {
      const title = entry.title;
      if (!title || exclude.has(title.id)) continue;
      const score =
        weights.coWatch * entry.coWatch +
        weights.content * entry.content +
        weights.genre * genreMatch(profile, title) +
        weights.trending * entry.trending +
        weights.popularity * title.popularity -
        weights.damping * entry.damping;
      scored.push({ title, score });
    }
    scored.sort((a, b) => b.score - a.score || a.title.ordinal - b.title.ordinal);
    return scored.slice(0, limit).map((candidate) => candidate.title);
  }

  private entry(titleId: string): Evidence {
    let entry = this.evidence.get(titleId);
    if (!entry) this.evidence.set(titleId, (entry = { coWatch: 0, content: 0, trending: 0, damping: 0 }));
    return entry;
  }
}
