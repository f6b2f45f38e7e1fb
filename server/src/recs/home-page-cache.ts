import { RememberedEntries } from '../common/cache/remembered-entries';
import { PreparedJson } from '../common/http/prepared-json';

/**
 * Home pages kept serialised, one per profile, made for one maturity ceiling: a profile has one
 * ceiling at a time, so a page made for another (the ceiling changed since) is never served and the
 * next one made takes its place. A page is kept at most `maxAgeMs`: that bounds how late other
 * viewers' plays (Trending Now, co-watching) reach it. Whoever changes what a profile's page is made
 * of forgets it (see HomePages); a page made while something was forgotten is not kept.
 */
export class HomePageCache {
  private readonly pages: RememberedEntries<{ maxLevel: number; page: PreparedJson }>;

  constructor(capacity: number, maxAgeMs: number, now: () => number) {
    this.pages = new RememberedEntries(capacity, maxAgeMs, now);
  }

  get(profileId: string, maxLevel: number): PreparedJson | undefined {
    const entry = this.pages.get(profileId);
    return entry?.maxLevel === maxLevel ? entry.page : undefined;
  }

  /** Taken before reading what a page is made of; `remember` keeps the page only if nothing was forgotten since. */
  ticket(): number {
    return this.pages.ticket();
  }

  remember(ticket: number, profileId: string, maxLevel: number, page: PreparedJson): void {
    this.pages.remember(ticket, profileId, { maxLevel, page });
  }

  forget(profileIds: Iterable<string>): void {
    this.pages.forget(profileIds);
  }

  forgetAll(): void {
    this.pages.forgetAll();
  }
}
