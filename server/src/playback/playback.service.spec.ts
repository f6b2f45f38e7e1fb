import { BadRequestException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { CatalogCursor } from '../catalog/catalog-cursor.service';
import { CatalogService } from '../catalog/catalog.service';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { loadConfig } from '../config/load-config';
import { MediaLibrary } from '../media/media-library.service';
import { FakeClock } from '../../test/support/fake-clock';
import { loneHomePages } from '../../test/support/home-pages';
import { aTitle } from '../../test/support/title-builder';
import { InMemoryPlayEventRepository } from './in-memory-play-event.repository';
import { InMemoryProgressRepository } from './in-memory-progress.repository';
import { LocalPlayEventFeed } from './local-play-event-feed.service';
import { PlayEvent } from './play-event';
import { PlayEvents } from './play-events.service';
import { PlaybackService } from './playback.service';
import { InMemoryEpisodeRepository } from '../series/in-memory-episode.repository';
import { SeriesService } from '../series/series.service';
import { aSeries } from '../../test/support/episode-builder';
import { StreamTokenSigner } from './stream-token.signer';

const DURATION = 600;
const FAMILY = aTitle(0, { maturityRating: 'PG' });
const GROWN_UP = aTitle(1, { maturityRating: 'R' });
const SHOW = aTitle(2, { maturityRating: 'PG' });
/** Two seasons: three episodes, then two. */
const SHOW_EPISODES = aSeries(SHOW.id, [3, 2]);
const INTRO = { type: 'intro' as const, start: 2, end: 20 };

/** Every title plays a stream of DURATION seconds; the real library reads packaged media from disk. */
class FixedLengthMedia extends MediaLibrary {
  override forTitle() {
    return { directory: '/nowhere', manifest: { id: 'prog', name: 'Programme', durationSeconds: DURATION, renditions: [], subtitles: [], encryption: 'none' as const } };
  }

  /** Episodes play a programme with an intro. */
  override forEpisode() {
    return { directory: '/nowhere', manifest: { ...this.forTitle().manifest, markers: [INTRO] } };
  }
}

describe('PlaybackService', () => {
  const config = loadConfig({ JWT_SECRET: 'playback-unit', STREAM_TOKEN_TTL_SECONDS: '3600' });
  const viewer = { userId: 'user_1', sessionId: 'session_1', profileId: 'prof_1', audience: { maxLevel: 4 } };
  const child = { ...viewer, profileId: 'prof_kid', audience: { maxLevel: 2, ceiling: 'PG' } };
  let clock: FakeClock;
  let progress: InMemoryProgressRepository;
  let recorded: PlayEvent[];
  let signer: StreamTokenSigner;
  let playback: PlaybackService;

  beforeEach(async () => {
    clock = new FakeClock();
    progress = new InMemoryProgressRepository();
    signer = new StreamTokenSigner(config);
    const catalog = new CatalogService(new InMemoryCatalogRepository([FAMILY, GROWN_UP, SHOW]), new CatalogCursor(config), config);
    const events = new PlayEvents(new InMemoryPlayEventRepository(), new LocalPlayEventFeed(), clock);
    recorded = [];
    await events.follow(0, (event) => void recorded.push(event));
    playback = new PlaybackService(catalog, new SeriesService(new InMemoryEpisodeRepository(SHOW_EPISODES)), new FixedLengthMedia(config), progress, signer, events, config, clock, loneHomePages(config, clock));
  });

  const kinds = () => recorded.map((event) => `${event.kind} ${event.titleId}`);

  it('refuses a title above the profile’s maturity ceiling with 403 saying why, and records no play', async () => {
    const refusal = playback.start(child, { titleId: GROWN_UP.id });
    await expect(refusal).rejects.toThrow(ForbiddenException);
    await expect(refusal).rejects.toThrow(`Title ${GROWN_UP.id} is rated R, above this profile's maturity limit (PG)`);
    expect(recorded).toEqual([]);
  });

  it('signs a stream for this login that expires the configured time from now', async () => {
    const session = await playback.start(viewer, { titleId: FAMILY.id });
    const expiresAt = clock.now() / 1000 + 3600;
    expect(session.expiresAt).toBe(new Date(expiresAt * 1000).toISOString());
    const token = session.hlsUrl.match(/\/stream\/([^/]+)\/master\.m3u8$/)?.[1] as string;
    expect(session.hlsUrl).toBe(`${config.publicUrl}/stream/${token}/master.m3u8`);
    expect(signer.verify(token)).toEqual({ userId: 'user_1', sessionId: 'session_1', streamId: FAMILY.id, expiresAt });
    expect(session.duration).toBe(DURATION);
    expect(kinds()).toEqual([`play ${FAMILY.id}`]);
  });

  it('resumes where the profile left off, and from the start once it finished', async () => {
    expect((await playback.start(viewer, { titleId: FAMILY.id })).resumePosition).toBe(0);
    await playback.heartbeat(viewer, { titleId: FAMILY.id, position: 120 });
    expect((await playback.start(viewer, { titleId: FAMILY.id })).resumePosition).toBe(120);
    expect((await playback.start(child, { titleId: FAMILY.id })).resumePosition).toBe(0);
    clock.advance(1);
    await playback.heartbeat(viewer, { titleId: FAMILY.id, position: DURATION });
    expect((await playback.start(viewer, { titleId: FAMILY.id })).resumePosition).toBe(0);
  });

  it('clamps a position up to a second past the end to the end, and refuses one further out with 400', async () => {
    await playback.heartbeat(viewer, { titleId: FAMILY.id, position: DURATION + 1 });
    expect(await progress.find(viewer.profileId, FAMILY.id)).toMatchObject({ position: DURATION, duration: DURATION, completed: true });
    clock.advance(1);
    const refusal = playback.heartbeat(viewer, { titleId: FAMILY.id, position: DURATION + 1.5 });
    await expect(refusal).rejects.toThrow(BadRequestException);
    await expect(refusal).rejects.toThrow(`position must be at most the stream's length (${DURATION} s) plus a second`);
    expect((await progress.find(viewer.profileId, FAMILY.id))?.updatedAt).toBe(clock.now() - 1000);
  });

  it('counts a title finished from 95% of its length, and records the completion once', async () => {
    await playback.heartbeat(viewer, { titleId: FAMILY.id, position: DURATION * 0.95 - 1 });
    expect((await progress.find(viewer.profileId, FAMILY.id))?.completed).toBe(false);
    for (const position of [DURATION * 0.95, DURATION * 0.97, DURATION]) {
      clock.advance(1);
      await playback.heartbeat(viewer, { titleId: FAMILY.id, position });
      expect((await progress.find(viewer.profileId, FAMILY.id))?.completed).toBe(true);
    }
    expect(kinds()).toEqual([`complete ${FAMILY.id}`]);
  });

  it('refuses a heartbeat for a title above the ceiling and keeps no progress for it', async () => {
    await expect(playback.heartbeat(child, { titleId: GROWN_UP.id, position: 10 })).rejects.toThrow(ForbiddenException);
    expect(await progress.find(child.profileId, GROWN_UP.id)).toBeUndefined();
  });

  describe('series', () => {
    const [s1e1, s1e2, s1e3, s2e1, s2e2] = SHOW_EPISODES;

    it('needs an episode for a series (400), refuses one for a film (400) and one of another title (404)', async () => {
      await expect(playback.start(viewer, { titleId: SHOW.id })).rejects.toThrow(new BadRequestException(`${SHOW.id} is a series: episodeId is required (e.g. ${s1e1.id})`));
      await expect(playback.start(viewer, { titleId: FAMILY.id, episodeId: s1e1.id })).rejects.toThrow(BadRequestException);
      await expect(playback.start(viewer, { titleId: SHOW.id, episodeId: 'tt1000-s1e1' })).rejects.toThrow(new NotFoundException(`${SHOW.id} has no episode tt1000-s1e1`));
      await expect(playback.heartbeat(viewer, { titleId: SHOW.id, position: 5 })).rejects.toThrow(BadRequestException);
      expect(recorded).toEqual([]);
    });

    it('signs the episode’s own stream, with its markers, and offers the next episode across seasons, then none', async () => {
      const session = await playback.start(viewer, { titleId: SHOW.id, episodeId: s1e2.id });
      const token = session.hlsUrl.match(/\/stream\/([^/]+)\/master\.m3u8$/)?.[1] as string;
      expect(signer.verify(token)).toMatchObject({ streamId: s1e2.id, sessionId: 'session_1' });
      expect(session.markers).toEqual([INTRO]);
      expect(session.next).toEqual({ titleId: SHOW.id, episodeId: s1e3.id });
      expect((await playback.start(viewer, { titleId: SHOW.id, episodeId: s1e3.id })).next).toEqual({ titleId: SHOW.id, episodeId: s2e1.id });
      expect((await playback.start(viewer, { titleId: SHOW.id, episodeId: s2e2.id })).next).toBeNull();
      expect((await playback.start(viewer, { titleId: FAMILY.id })).next).toBeNull();
      expect(kinds()).toEqual([`play ${SHOW.id}`, `play ${SHOW.id}`, `play ${SHOW.id}`, `play ${FAMILY.id}`]);
    });

    it('resumes each episode where it was left', async () => {
      await playback.heartbeat(viewer, { titleId: SHOW.id, episodeId: s1e1.id, position: 40 });
      clock.advance(1);
      await playback.heartbeat(viewer, { titleId: SHOW.id, episodeId: s1e2.id, position: 70 });
      expect((await playback.start(viewer, { titleId: SHOW.id, episodeId: s1e1.id })).resumePosition).toBe(40);
      expect((await playback.start(viewer, { titleId: SHOW.id, episodeId: s1e2.id })).resumePosition).toBe(70);
      expect((await playback.start(viewer, { titleId: SHOW.id, episodeId: s1e3.id })).resumePosition).toBe(0);
      expect(await progress.find(viewer.profileId, SHOW.id)).toMatchObject({ episodeId: s1e2.id, position: 70 });
    });

    it('records the series’ completion when its last episode is finished, not before', async () => {
      for (const episode of [s1e3, s2e1, s2e2]) {
        clock.advance(1);
        await playback.heartbeat(viewer, { titleId: SHOW.id, episodeId: episode.id, position: DURATION });
      }
      clock.advance(1);
      await playback.heartbeat(viewer, { titleId: SHOW.id, episodeId: s2e2.id, position: DURATION });
      expect(kinds()).toEqual([`complete ${SHOW.id}`]);
    });
  });

  describe('a stream prepared ahead of Play', () => {
    it('signs a link for this login without recording a play, and /play/start hands the same link back', async () => {
      const prepared = await playback.prepare(viewer, { titleId: FAMILY.id });
      expect(kinds()).toEqual([]);
      clock.advance(60);
      const session = await playback.start(viewer, { titleId: FAMILY.id, preparedUrl: prepared.hlsUrl });
      expect(session.hlsUrl).toBe(prepared.hlsUrl);
      expect(session.expiresAt).toBe(prepared.expiresAt);
      expect(kinds()).toEqual([`play ${FAMILY.id}`]);
    });

    it('prepares one episode of a series, and only that episode’s /play/start reuses it', async () => {
      const [, s1e2, s1e3] = SHOW_EPISODES;
      await expect(playback.prepare(viewer, { titleId: SHOW.id })).rejects.toThrow(BadRequestException);
      const prepared = await playback.prepare(viewer, { titleId: SHOW.id, episodeId: s1e2.id });
      expect(signer.verify(tokenOf(prepared.hlsUrl))).toMatchObject({ streamId: s1e2.id });
      expect((await playback.start(viewer, { titleId: SHOW.id, episodeId: s1e3.id, preparedUrl: prepared.hlsUrl })).hlsUrl).not.toBe(prepared.hlsUrl);
      expect((await playback.start(viewer, { titleId: SHOW.id, episodeId: s1e2.id, preparedUrl: prepared.hlsUrl })).hlsUrl).toBe(prepared.hlsUrl);
    });

    it('refuses to prepare a title above the profile’s ceiling, as /play/start does', async () => {
      await expect(playback.prepare(child, { titleId: GROWN_UP.id })).rejects.toThrow(ForbiddenException);
    });

    it('signs a new link when the prepared one is another login’s, another title’s, or past half its life', async () => {
      const prepared = await playback.prepare(viewer, { titleId: FAMILY.id });
      const otherLogin = await playback.start({ ...viewer, sessionId: 'session_2' }, { titleId: FAMILY.id, preparedUrl: prepared.hlsUrl });
      expect(otherLogin.hlsUrl).not.toBe(prepared.hlsUrl);
      expect(signer.verify(tokenOf(otherLogin.hlsUrl))?.sessionId).toBe('session_2');
      expect((await playback.start(viewer, { titleId: GROWN_UP.id, preparedUrl: prepared.hlsUrl })).hlsUrl).not.toBe(prepared.hlsUrl);
      clock.advance(1800 + 1);
      expect((await playback.start(viewer, { titleId: FAMILY.id, preparedUrl: prepared.hlsUrl })).hlsUrl).not.toBe(prepared.hlsUrl);
    });

    it('ignores a prepared URL that this API did not sign', async () => {
      const prepared = await playback.prepare(viewer, { titleId: FAMILY.id });
      const tampered = prepared.hlsUrl.replace(/.\/master\.m3u8$/, (end) => `${end[0] === 'A' ? 'B' : 'A'}/master.m3u8`);
      for (const preparedUrl of [tampered, 'https://elsewhere.example/stream/x/master.m3u8', 'not a url']) {
        const session = await playback.start(viewer, { titleId: FAMILY.id, preparedUrl });
        expect(signer.verify(tokenOf(session.hlsUrl))).toMatchObject({ userId: 'user_1', sessionId: 'session_1', streamId: FAMILY.id });
        expect(session.hlsUrl).not.toBe(preparedUrl);
      }
    });
  });
});

function tokenOf(hlsUrl: string): string {
  return hlsUrl.match(/\/stream\/([^/]+)\/master\.m3u8$/)?.[1] as string;
}
