import { compareTitleIds } from './title-id-order';

export interface TrendingWindowOptions {
  /** Length of one bucket in milliseconds. */
  bucketMs: number;
  /** How many buckets the window spans, the current one included. */
  bucketCount: number;
  /** How many of the most watched titles are kept ranked for reading. */
  rankedSize: number;
}

export interface TrendingEntry {
  titleId: string;
  /** Distinct viewers who played the title within the window. */
  viewers: number;
}

interface Bucket {
  /** Absolute bucket number (time / bucketMs) this slot currently holds. */
  number: number;
  /** titleId → viewers whose latest play of that title fell in this bucket. */
  latestPlays: Map<string, Set<string>>;
}

const SEVEN_DAYS_OF_HOURS = 7 * 24;

/** Hourly buckets over seven days, plus the partly elapsed oldest hour: no play younger than 7 days is dropped. */
export const TRENDING_WINDOW_DEFAULTS: TrendingWindowOptions = { bucketMs: 3_600_000, bucketCount: SEVEN_DAYS_OF_HOURS + 1, rankedSize: 200 };

function byViewersThenId(a: TrendingEntry, b: TrendingEntry): number {
  return b.viewers - a.viewers || compareTitleIds(a.titleId, b.titleId);
}

/**
 * Distinct viewers per title over a sliding window, in a ring of time buckets. Each viewer-title pair
 * sits only in the bucket of its latest play, so a viewer counts once per title however often they
 * play it, and when a bucket leaves the window the pairs in it are forgotten. Memory follows the plays
 * inside the window. The most watched titles stay ranked: a play moves one title up in place; only an
 * expiring bucket (at most once per bucket length) makes the ranking be rebuilt.
 */
export class TrendingWindow {
  private readonly ring: Bucket[];
  /** titleId → viewerId → the bucket number of their latest play of it. */
  private readonly latestBucket = new Map<string, Map<string, number>>();
  private ranked: TrendingEntry[] = [];
  private rankedIsStale = false;
  private currentBucket = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: TrendingWindowOptions = TRENDING_WINDOW_DEFAULTS) {
    this.ring = Array.from({ length: options.bucketCount }, () => ({ number: Number.NEGATIVE_INFINITY, latestPlays: new Map() }));
  }

  /** A viewer played a title at `at` (Unix ms); a play reported late counts in the current bucket. */
  record(viewerId: string, titleId: string, at: number): void {
    this.advanceTo(at);
    const bucketNumber = this.currentBucket;
    let viewers = this.latestBucket.get(titleId);
    if (!viewers) this.latestBucket.set(titleId, (viewers = new Map()));
    const previous = viewers.get(viewerId);
    if (previous !== undefined && previous >= bucketNumber) return;
    if (previous !== undefined) this.slot(previous).latestPlays.get(titleId)?.delete(viewerId);
    viewers.set(viewerId, bucketNumber);
    const bucket = this.slot(bucketNumber);
    let latestPlays = bucket.latestPlays.get(titleId);
    if (!latestPlays) bucket.latestPlays.set(titleId, (latestPlays = new Set()));
    latestPlays.add(viewerId);
    if (previous === undefined) this.promote(titleId, viewers.size);
  }

  /** The most watched titles in the window ending at `at`, most distinct viewers first, ties by id. */
  top(limit: number, at: number): TrendingEntry[] {
    this.advanceTo(at);
    if (this.rankedIsStale) this.rebuildRanking();
    return this.ranked.slice(0, Math.min(limit, this.options.rankedSize)).map((entry) => ({ ...entry }));
  }

  private slot(bucketNumber: number): Bucket {
    const count = this.options.bucketCount;
    return this.ring[((bucketNumber % count) + count) % count];
  }

  /** Moves the window's end forward, emptying every slot that falls out of it. */
  private advanceTo(at: number): void {
    const bucketNumber = Math.floor(at / this.options.bucketMs);
    if (bucketNumber <= this.currentBucket) return;
    this.currentBucket = bucketNumber;
    const oldestKept = bucketNumber - this.options.bucketCount + 1;
    for (const bucket of this.ring) {
      if (bucket.number >= oldestKept) continue;
      this.expire(bucket);
      bucket.number = Number.NEGATIVE_INFINITY;
    }
    this.slot(bucketNumber).number = bucketNumber;
  }

  private expire(bucket: Bucket): void {
    for (const [titleId, viewerIds] of bucket.latestPlays) {
      const viewers = this.latestBucket.get(titleId);
      if (!viewers) continue;
      for (const viewerId of viewerIds) viewers.delete(viewerId);
      if (viewers.size === 0) this.latestBucket.delete(titleId);
      if (viewerIds.size > 0) this.rankedIsStale = true;
    }
    bucket.latestPlays.clear();
  }

  /** A title gained a viewer: move it up within the ranking, or let it in at the bottom. */
  private promote(titleId: string, viewers: number): void {
    if (this.rankedIsStale) return;
    const entry: TrendingEntry = { titleId, viewers };
    let index = this.ranked.findIndex((ranked) => ranked.titleId === titleId);
    if (index === -1) {
      if (this.ranked.length >= this.options.rankedSize && byViewersThenId(entry, this.ranked[this.ranked.length - 1]) > 0) return;
      this.ranked.push(entry);
      index = this.ranked.length - 1;
    } else {
      this.ranked[index] = entry;
    }
    while (index > 0 && byViewersThenId(this.ranked[index], this.ranked[index - 1]) < 0) {
      [this.ranked[index - 1], this.ranked[index]] = [this.ranked[index], this.ranked[index - 1]];
      index--;
    }
    if (this.ranked.length > this.options.rankedSize) this.ranked.pop();
  }

  private rebuildRanking(): void {
    const entries: TrendingEntry[] = [];
    for (const [titleId, viewers] of this.latestBucket) entries.push({ titleId, viewers: viewers.size });
    this.ranked = entries.sort(byViewersThenId).slice(0, this.options.rankedSize);
    this.rankedIsStale = false;
  }
}
