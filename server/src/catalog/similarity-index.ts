import { Title } from './title';

interface SignatureGroup {
  genres: Set<string>;
  /** Sorted by year, then ordinal. */
  titles: Title[];
  years: number[];
}

interface Frontier {
  group: SignatureGroup;
  left: number;
  right: number;
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

  similarTo(source: Pick<Title, 'id' | 'year' | 'genres'>, limit: number, exclude?: ReadonlySet<string>): Title[] {
    const levels = new Map<number, SignatureGroup[]>();
    for (const group of this.groups.values()) {
      const shared = source.genres.reduce((count, genre) => count + (group.genres.has(genre) ? 1 : 0), 0);
      let level = levels.get(shared);
      if (!level) levels.set(shared, (level = []));
      level.push(group);
    }
    const result: Title[] = [];
    for (const shared of [...levels.keys()].sort((a, b) => b - a)) {
      this.nearestInYear(levels.get(shared) ?? [], source, limit, result, exclude);
      if (result.length >= limit) break;
    }
    return result;
  }

  private nearestInYear(groups: SignatureGroup[], source: Pick<Title, 'id' | 'year'>, limit: number, result: Title[], exclude?: ReadonlySet<string>): void {
    const frontiers: Frontier[] = groups.map((group) => {
      const start = lowerBound(group.years, source.year);
      return { group, left: start - 1, right: start };
    });
    while (result.length < limit) {
      let best: { frontier: Frontier; side: 'left' | 'right'; title: Title; distance: number } | undefined;
      for (const frontier of frontiers) {
        for (const side of ['left', 'right'] as const) {
          const title = frontier.group.titles[frontier[side]];
          if (!title) continue;
          const distance = Math.abs(title.year - source.year);
          if (!best || distance < best.distance || (distance === best.distance && title.ordinal < best.title.ordinal)) {
            best = { frontier, side, title, distance };
          }
        }
      }
      if (!best) return;
      best.frontier[best.side] += best.side === 'left' ? -1 : 1;
      if (best.title.id !== source.id && !exclude?.has(best.title.id)) result.push(best.title);
    }
  }
}
