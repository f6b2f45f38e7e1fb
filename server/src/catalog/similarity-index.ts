import { MinHeap } from '../common/collections/min-heap';
import { Title } from './title';

interface SignatureGroup {
  genres: Set<string>;
  /** Sorted by year, then ordinal. */
  titles: Title[];
  years: number[];
}

/** The next unvisited title on one side of the source's year within one group. */
interface FrontierStep {
  group: SignatureGroup;
  index: number;
  direction: -1 | 1;
  title: Title;
  distance: number;
}

function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * "More like this" without scanning the catalog: titles are grouped by their exact genre set (a few
 * hundred groups however large the catalog), each group sorted by year. A query ranks groups by how
 * many genres they share, then walks outward from the year in each group of the best level.
 */
export class SimilarityIndex {
  private readonly groups = new Map<string, SignatureGroup>();
  /** Genre set → its levels, one entry per genre set asked about (in practice the catalog's own few hundred). */
  private readonly levelsBySignature = new Map<string, SignatureGroup[][]>();

  constructor(titles: Iterable<Title>) {
    for (const title of titles) {
      const key = [...title.genres].sort().join('|');
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, (group = { genres: new Set(title.genres), titles: [], years: [] }));
      group.titles.push(title);
    }
    for (const group of this.groups.values()) {
      group.titles.sort((a, b) => a.year - b.year || a.ordinal - b.ordinal);
      group.years = group.titles.map((title) => title.year);
    }
  }

  /** `admits` leaves out titles a viewer may not see (a maturity ceiling). */
  similarTo(source: Pick<Title, 'id' | 'year' | 'genres'>, limit: number, exclude?: ReadonlySet<string>, admits?: (title: Title) => boolean): Title[] {
    const result: Title[] = [];
    for (const level of this.levelsFor(source.genres)) {
      this.nearestInYear(level, source, limit, result, exclude, admits);
      if (result.length >= limit) break;
    }
    return result;
  }

  /** The groups by how many of these genres they share, most first; worked out once per genre set. */
  private levelsFor(genres: readonly string[]): SignatureGroup[][] {
    const key = [...genres].sort().join('|');
    let levels = this.levelsBySignature.get(key);
    if (!levels) {
      const byShared = new Map<number, SignatureGroup[]>();
      for (const group of this.groups.values()) {
        const shared = genres.reduce((count, genre) => count + (group.genres.has(genre) ? 1 : 0), 0);
        let level = byShared.get(shared);
        if (!level) byShared.set(shared, (level = []));
        level.push(group);
      }
      levels = [...byShared.keys()].sort((a, b) => b - a).map((shared) => byShared.get(shared) ?? []);
      this.levelsBySignature.set(key, levels);
    }
    return levels;
  }

  /** Merges the groups' outward walks from the year, nearest first (ties in catalog order), through a heap. */
  private nearestInYear(groups: SignatureGroup[], source: Pick<Title, 'id' | 'year'>, limit: number, result: Title[], exclude?: ReadonlySet<string>, admits?: (title: Title) => boolean): void {
    const steps = new MinHeap<FrontierStep>((a, b) => a.distance - b.distance || a.title.ordinal - b.title.ordinal);
    const enqueue = (group: SignatureGroup, index: number, direction: -1 | 1) => {
      const title = group.titles[index];
      if (title) steps.push({ group, index, direction, title, distance: Math.abs(title.year - source.year) });
    };
    for (const group of groups) {
      const start = lowerBound(group.years, source.year);
      enqueue(group, start - 1, -1);
      enqueue(group, start, 1);
    }
    while (result.length < limit) {
      const step = steps.pop();
      if (!step) return;
      enqueue(step.group, step.index + step.direction, step.direction);
      if (step.title.id !== source.id && !exclude?.has(step.title.id) && (!admits || admits(step.title))) result.push(step.title);
    }
  }
}
