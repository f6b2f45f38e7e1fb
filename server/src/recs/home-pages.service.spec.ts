import { FakeClock } from '../../test/support/fake-clock';
import { CacheInvalidations, InvalidationHandlers } from '../redis/cache-invalidations.service';
import { HOME_PAGE_MAX_AGE_MS, HomePages } from './home-pages.service';

/** Instances on one invalidation channel, as CacheInvalidations joins them through Redis; it counts the messages sent. */
class SharedChannel {
  readonly sent: string[][] = [];
  trusted = true;
  private readonly members: ChannelMember[] = [];

  join(): CacheInvalidations {
    const member = new ChannelMember(this);
    this.members.push(member);
    return member as unknown as CacheInvalidations;
  }

  send(topic: string, keys: string[]): void {
    this.sent.push(keys);
    for (const member of this.members) member.receive(topic, keys);
  }
}

/** One instance's end of the channel: what HomePages uses of CacheInvalidations. */
class ChannelMember {
  private readonly handlers = new Map<string, InvalidationHandlers>();

  constructor(private readonly channel: SharedChannel) {}

  get trusted(): boolean {
    return this.channel.trusted;
  }

  register(topic: string, handlers: InvalidationHandlers): void {
    this.handlers.set(topic, handlers);
  }

  async invalidate(topic: string, keys: string[]): Promise<void> {
    this.channel.send(topic, keys);
  }

  receive(topic: string, keys: string[]): void {
    this.handlers.get(topic)?.forget(keys);
  }
}

describe('HomePages', () => {
  const viewer = { profileId: 'prof_a', audience: { maxLevel: 4 } };
  const film = { titleId: 'tt1003', started: true, completed: false };
  let clock: FakeClock;
  let channel: SharedChannel;
  let a: HomePages;
  let b: HomePages;
  let made: number;

  const make = async () => ({ rows: [`page ${++made}`] });
  const pageOn = async (instance: HomePages, who = viewer) => JSON.parse((await instance.page(who, make)).bytes.toString()).rows[0];

  beforeEach(() => {
    clock = new FakeClock();
    channel = new SharedChannel();
    a = new HomePages(channel.join(), clock);
    b = new HomePages(channel.join(), clock);
    made = 0;
  });

  it('makes a page once and serves it again until it is HOME_PAGE_MAX_AGE_MS old', async () => {
    expect(await pageOn(a)).toBe('page 1');
    expect(await pageOn(a)).toBe('page 1');
    clock.advance(HOME_PAGE_MAX_AGE_MS / 1000);
    expect(await pageOn(a)).toBe('page 1');
    clock.advance(0.001);
    expect(await pageOn(a)).toBe('page 2');
  });

  it('makes the page anew for another profile or another ceiling', async () => {
    expect(await pageOn(a)).toBe('page 1');
    expect(await pageOn(a, { ...viewer, profileId: 'prof_b' })).toBe('page 2');
    expect(await pageOn(a, { ...viewer, audience: { maxLevel: 2 } })).toBe('page 3');
  });

  it('forgets a profile’s page on every instance when it changes, and only that profile’s', async () => {
    const other = { ...viewer, profileId: 'prof_b' };
    await pageOn(a);
    await pageOn(b);
    await pageOn(b, other);
    await a.changed(viewer.profileId);
    expect(await pageOn(b)).toBe('page 4');
    expect(await pageOn(a)).toBe('page 5');
    expect(await pageOn(b, other)).toBe('page 3');
  });

  it('keeps nothing while the channel is not trusted', async () => {
    channel.trusted = false;
    expect(await pageOn(a)).toBe('page 1');
    expect(await pageOn(a)).toBe('page 2');
  });

  it('tells a heartbeat only when it changes what the latest viewing is about, however the heartbeats alternate between instances', async () => {
    await a.watched(viewer.profileId, film);
    expect(channel.sent).toEqual([[expect.stringMatching(/^prof_a>tt1003\|/)]]);
    await pageOn(a);
    await pageOn(b);
    for (const instance of [b, a, b, a, b]) await instance.watched(viewer.profileId, film);
    expect(channel.sent).toHaveLength(1);
    expect(await pageOn(a)).toBe('page 1');
    expect(await pageOn(b)).toBe('page 2');

    const changes = [{ ...film, completed: true }, { ...film, completed: false }, { ...film, titleId: 'tt1004' }, film, { ...film, started: false }];
    for (const change of changes) {
      await b.watched(viewer.profileId, change);
      await a.watched(viewer.profileId, change);
    }
    expect(channel.sent).toHaveLength(1 + changes.length);
    expect(await pageOn(a)).toBe('page 3');
  });

  it('tells an episode of a series apart from the next', async () => {
    const episode = { titleId: 'tt1090', episodeId: 'tt1090-s1e1', started: true, completed: false };
    await a.watched(viewer.profileId, episode);
    await b.watched(viewer.profileId, episode);
    await b.watched(viewer.profileId, { ...episode, episodeId: 'tt1090-s1e2' });
    expect(channel.sent).toHaveLength(2);
  });

  it('keeps what the latest viewing is across a play or a list change, and tells the next heartbeat after a title is forgotten or the profile removed', async () => {
    await a.watched(viewer.profileId, film);
    await b.changed(viewer.profileId);
    await a.watched(viewer.profileId, film);
    expect(channel.sent).toHaveLength(2);
    await b.historyChanged(viewer.profileId);
    await a.watched(viewer.profileId, film);
    expect(channel.sent).toHaveLength(4);
    await pageOn(a);
    await b.removed(viewer.profileId);
    expect(await pageOn(a)).toBe('page 2');
    await a.watched(viewer.profileId, film);
    expect(channel.sent).toHaveLength(6);
  });

  it('tells every heartbeat while the channel is not trusted: news may have been missed', async () => {
    await a.watched(viewer.profileId, film);
    channel.trusted = false;
    await a.watched(viewer.profileId, film);
    await a.watched(viewer.profileId, film);
    expect(channel.sent).toHaveLength(3);
  });
});
