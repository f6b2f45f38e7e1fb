import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { PreparedJson } from '../common/http/prepared-json';
import { CacheInvalidations } from '../redis/cache-invalidations.service';
import { HomePageCache } from './home-page-cache';
import { decodeHomeChange, describeViewing, encodeHomeChange, HomeChange, LatestViewing, LatestViewings } from './latest-viewings';

/** Home pages kept serialised per instance; one is about 30 kB (a dozen rows of 20 cards), so about 30 MB in all. */
const HOME_PAGES = 1_000;
/**
 * How long a home page is served without being made again. None of the profile's own changes waits
 * for it (each one forgets the page on every instance); these do: other viewers' plays (Trending Now,
 * the co-watched titles of "Because you watched"), time passing (recency in the taste profile, the
 * trending window), and how far into a title already in progress the profile has got (see
 * `watched`). Half a minute: a home page opened again within a visit comes from memory, and the
 * world's plays reach it soon enough for rows that rank by days of plays.
 */
export const HOME_PAGE_MAX_AGE_MS = 30_000;
/** Profiles whose latest viewing this instance remembers being told; about 100 bytes each. */
const LATEST_VIEWINGS = 100_000;
/** Changes to a profile's home page, keyed by profile id (see HomeChange), on the invalidation channel. */
export const HOME_TOPIC = 'home';

/**
 * Each profile's home page, made once and served as bytes with an ETag until the profile changes
 * something it is made of, anywhere, or it is HOME_PAGE_MAX_AGE_MS old. While news of changes may be
 * missed (the invalidation channel is not trusted) every request makes the page anew.
 */
@Injectable()
export class HomePages {
  private readonly pages: HomePageCache;
  private readonly latest = new LatestViewings(LATEST_VIEWINGS);

  constructor(
    private readonly invalidations: CacheInvalidations,
    clock: Clock,
  ) {
    this.pages = new HomePageCache(HOME_PAGES, HOME_PAGE_MAX_AGE_MS, () => clock.now());
    invalidations.register(HOME_TOPIC, {
      forget: (keys) => this.apply(keys.map(decodeHomeChange)),
      forgetAll: () => {
        this.pages.forgetAll();
        this.latest.forgetAll();
      },
    });
  }

  /** The profile's page for its current ceiling: the one kept, else `make`'s, kept if nothing changed meanwhile. */
  async page(viewer: ProfileViewer, make: () => Promise<unknown>): Promise<PreparedJson> {
    const { profileId } = viewer;
    const { maxLevel } = viewer.audience;
    if (!this.invalidations.trusted) return PreparedJson.of(await make());
    const kept = this.pages.get(profileId, maxLevel);
    if (kept) return kept;
    const ticket = this.pages.ticket();
    const page = PreparedJson.of(await make());
    this.pages.remember(ticket, profileId, maxLevel, page);
    return page;
  }

  /**
   * The profile changed its My List, a rating, or played a title (a play feeds its own co-watching
   * and trending): every instance makes its page again. Resolves once they all have forgotten it.
   */
  changed(profileId: string): Promise<void> {
    return this.tell({ profileId });
  }

  /** A title left the profile's history: its page goes, and which viewing is now its latest is not known. */
  historyChanged(profileId: string): Promise<void> {
    return this.tell({ profileId, latest: null });
  }

  /** The profile was removed: nothing of it stays remembered on any instance. */
  removed(profileId: string): Promise<void> {
    return this.tell({ profileId, latest: null });
  }

  /**
   * A heartbeat was saved. The home page reads a profile's progress as a list of titles, most recent
   * first, each in progress (past position 0, not completed) or completed, with a share watched and a
   * time: which title leads and whether it is in progress or completed decide Continue Watching's
   * titles and order, the "Because you watched" source, and what picks leave out. A heartbeat changes
   * those only when it names another title or episode than the profile's heartbeat before it (it moves
   * to the front; for a series the episode decides whether the title is in progress), or starts,
   * completes or reopens what it names: then every instance forgets the page, and each remembers the
   * viewing it was told. The heartbeats in between only move the position within an entry already in
   * progress: that nudges Top picks and the genre rows' order by the entry's weight, which may wait
   * HOME_PAGE_MAX_AGE_MS like other slow signals, so they cost no message at all (heartbeats are the
   * most frequent write). While the channel is not trusted this instance may have missed news, so
   * every heartbeat is told. Two devices of one profile playing at once may leave instances out of
   * step with the order saves landed in; a page is then stale at most HOME_PAGE_MAX_AGE_MS.
   */
  async watched(profileId: string, viewing: LatestViewing): Promise<void> {
    const described = describeViewing(viewing);
    if (this.invalidations.trusted && this.latest.isKnown(profileId, described)) return;
    await this.tell({ profileId, latest: described });
  }

  private tell(change: HomeChange): Promise<void> {
    return this.invalidations.invalidate(HOME_TOPIC, [encodeHomeChange(change)]);
  }

  private apply(changes: HomeChange[]): void {
    this.pages.forget(changes.map((change) => change.profileId));
    for (const change of changes) this.latest.apply(change);
  }
}
