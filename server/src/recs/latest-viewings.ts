import { LruCache } from '../common/cache/lru-cache';

/** What a heartbeat left a profile's latest viewing entry saying, as far as its home page cares. */
export interface LatestViewing {
  titleId: string;
  /** For a series, the episode played. */
  episodeId?: string;
  /** Past position 0: the title counts as in progress (Continue Watching lists it). */
  started: boolean;
  completed: boolean;
}

/** A viewing as one string, comparable and fit to travel in an invalidation key. */
export function describeViewing({ titleId, episodeId, started, completed }: LatestViewing): string {
  return `${titleId}|${episodeId ?? ''}|${started ? 'started' : 'unstarted'}|${completed ? 'completed' : 'open'}`;
}

/**
 * A change to a profile's home page as told to every instance: the profile id alone (its latest
 * viewing is as it was), with `>` and a described viewing (its latest viewing is now that one), or
 * with `>` and nothing (its latest viewing is not known any more: a title was forgotten).
 */
export interface HomeChange {
  profileId: string;
  /** Absent: unchanged; null: unknown; else the described viewing. */
  latest?: string | null;
}

const LATEST_MARK = '>';

export function encodeHomeChange({ profileId, latest }: HomeChange): string {
  return latest === undefined ? profileId : `${profileId}${LATEST_MARK}${latest ?? ''}`;
}

export function decodeHomeChange(key: string): HomeChange {
  const mark = key.indexOf(LATEST_MARK);
  if (mark < 0) return { profileId: key };
  const latest = key.slice(mark + 1);
  return { profileId: key.slice(0, mark), latest: latest === '' ? null : latest };
}

/**
 * Each profile's latest viewing as every instance was last told it, so a heartbeat that leaves it as
 * it was need not be told again. Bounded: a profile let go is simply told once more.
 */
export class LatestViewings {
  private readonly known: LruCache<string, string>;

  constructor(capacity: number) {
    this.known = new LruCache(capacity);
  }

  /** Whether every instance was told that this profile's latest viewing is `described`. */
  isKnown(profileId: string, described: string): boolean {
    return this.known.get(profileId) === described;
  }

  apply({ profileId, latest }: HomeChange): void {
    if (latest === undefined) return;
    if (latest === null) this.known.delete(profileId);
    else this.known.set(profileId, latest);
  }

  forgetAll(): void {
    this.known.clear();
  }
}
