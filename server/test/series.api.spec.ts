import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { curatedEpisodes } from '../src/series/series-seed';
import { createTestApp, MEDIA_DIR, signUpViewer, TestApp, Viewer } from './support/test-app';

type Auth = { Authorization: string };

const SERIES = 'tt1003';
const FILM = 'tt1000';
/** Rated TV-MA: above a kids profile's ceiling. */
const MATURE_SERIES = 'tt1079';
const EPISODES = curatedEpisodes().filter((episode) => episode.titleId === SERIES);
const episode = (season: number, number: number) => `${SERIES}-s${season}e${number}`;

interface Session {
  hlsUrl: string;
  resumePosition: number;
  duration: number;
  markers: { type: string; start: number; end: number }[];
  next: { titleId: string; episodeId: string } | null;
}

interface ContinueItem {
  title: { id: string };
  episode: { id: string; season: number; number: number; name: string } | null;
  position: number;
  duration: number;
  progress: number;
}

describe('Series API', () => {
  let t: TestApp;
  let viewer: Viewer;

  afterEach(() => t.close());

  describe('on the committed media', () => {
    beforeEach(async () => {
      t = await createTestApp();
      viewer = await signUpViewer(t);
    });

    async function start(body: object, who: Auth = viewer.auth): Promise<Session> {
      return (await t.http.post('/play/start').set(who).send(body).expect(200)).body as Session;
    }

    async function heartbeat(episodeId: string, position: number): Promise<void> {
      t.clock.advance(10);
      await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: SERIES, episodeId, position }).expect(204);
    }

    async function continueWatching(): Promise<ContinueItem[]> {
      return (await t.http.get('/me/continue-watching').set(viewer.auth).expect(200)).body.items as ContinueItem[];
    }

    async function kidsProfile(): Promise<Auth> {
      const profile = (await t.http.post('/profiles').set(viewer.auth).send({ name: 'Kid', kids: true }).expect(201)).body as { id: string };
      const selected = await t.http.post(`/profiles/${profile.id}/select`).set(viewer.auth).send({}).expect(200);
      return { Authorization: `Bearer ${selected.body.jwt as string}` };
    }

    it('tells a series from a film; a series has its seasons with their episode counts', async () => {
      const series = (await t.http.get(`/titles/${SERIES}`).set(viewer.auth).expect(200)).body;
      expect(series).toMatchObject({ kind: 'series', seasons: [{ number: 1, episodeCount: 5 }, { number: 2, episodeCount: 4 }] });
      const film = (await t.http.get(`/titles/${FILM}`).set(viewer.auth).expect(200)).body;
      expect(film.kind).toBe('film');
      expect(film).not.toHaveProperty('seasons');
    });

    it('lists a season’s episodes in order, each with its own name, synopsis and runtime', async () => {
      const { items } = (await t.http.get(`/titles/${SERIES}/episodes?season=2`).set(viewer.auth).expect(200)).body;
      const expected = EPISODES.filter((entry) => entry.season === 2);
      expect(items).toEqual(expected.map(({ id, season, number, name, synopsis, runtimeMinutes }) => ({ id, season, number, name, synopsis, runtimeMinutes, progress: null })));
      expect(items.map((item: { id: string }) => item.id)).toEqual([episode(2, 1), episode(2, 2), episode(2, 3), episode(2, 4)]);
      expect(new Set(items.map((item: { name: string }) => item.name)).size).toBe(4);
    });

    it.each([
      ['an unknown title', '/titles/tt9999/episodes?season=1', 404, /Title tt9999 does not exist/],
      ['a film', `/titles/${FILM}/episodes?season=1`, 404, /tt1000 is a film: only a series has episodes/],
      ['no season', `/titles/${SERIES}/episodes`, 400, /season is required: tt1003 has seasons 1 and 2/],
      ['a season the series does not have', `/titles/${SERIES}/episodes?season=3`, 400, /tt1003 has no season 3; its seasons are 1 and 2/],
      ['a season that is not a number', `/titles/${SERIES}/episodes?season=first`, 400, /season must be an integer/],
    ])('refuses the episodes of %s in words', async (_case, path, status, message) => {
      const response = await t.http.get(path).set(viewer.auth).expect(status);
      expect(response.body).toMatchObject({ statusCode: status, message: expect.stringMatching(message) });
    });

    it.each([
      ['a series without an episode', { titleId: SERIES }, 400, /tt1003 is a series: episodeId is required \(e\.g\. tt1003-s1e1\)/],
      ['a film with an episode', { titleId: FILM, episodeId: 'tt1000-s1e1' }, 400, /tt1000 is a film: it has no episodes/],
      ['an episode of another series', { titleId: SERIES, episodeId: 'tt1079-s1e1' }, 404, /tt1003 has no episode tt1079-s1e1/],
      ['an episode the series does not have', { titleId: SERIES, episodeId: episode(1, 9) }, 404, /tt1003 has no episode tt1003-s1e9/],
      ['a malformed episode id', { titleId: SERIES, episodeId: 'tt1003-1-4' }, 400, /episodeId must be an episode id like tt1003-s1e4/],
    ])('refuses to start or record %s, and records nothing', async (_case, body, status, message) => {
      expect((await t.http.post('/play/start').set(viewer.auth).send(body).expect(status)).body.message).toMatch(message);
      expect((await t.http.post('/play/heartbeat').set(viewer.auth).send({ ...body, position: 3 }).expect(status)).body.message).toMatch(message);
      expect((await t.http.get('/me/history').set(viewer.auth).expect(200)).body.items).toEqual([]);
    });

    it('refuses a series above the profile’s ceiling with 403, like its details', async () => {
      const kid = await kidsProfile();
      const refusal = /Title tt1079 is rated TV-MA, above this profile's maturity limit/;
      expect((await t.http.get(`/titles/${MATURE_SERIES}/episodes?season=1`).set(kid).expect(403)).body.message).toMatch(refusal);
      expect((await t.http.post('/play/start').set(kid).send({ titleId: MATURE_SERIES, episodeId: `${MATURE_SERIES}-s1e1` }).expect(403)).body.message).toMatch(refusal);
      await t.http.post('/play/heartbeat').set(kid).send({ titleId: MATURE_SERIES, episodeId: `${MATURE_SERIES}-s1e1`, position: 1 }).expect(403);
    });

    it('keeps progress per episode: each resumes where it was left and the season list shows it', async () => {
      const first = await start({ titleId: SERIES, episodeId: episode(1, 1) });
      await heartbeat(episode(1, 1), 10);
      await heartbeat(episode(1, 2), 20);
      expect((await start({ titleId: SERIES, episodeId: episode(1, 1) })).resumePosition).toBe(10);
      expect((await start({ titleId: SERIES, episodeId: episode(1, 2) })).resumePosition).toBe(20);
      expect((await start({ titleId: SERIES, episodeId: episode(1, 3) })).resumePosition).toBe(0);
      const { items } = (await t.http.get(`/titles/${SERIES}/episodes?season=1`).set(viewer.auth).expect(200)).body;
      expect(items.map((item: { id: string; progress: unknown }) => [item.id, item.progress])).toEqual([
        [episode(1, 1), { position: 10, duration: first.duration, completed: false }],
        [episode(1, 2), { position: 20, duration: expect.any(Number), completed: false }],
        [episode(1, 3), null],
        [episode(1, 4), null],
        [episode(1, 5), null],
      ]);
      const other = await signUpViewer(t);
      expect((await start({ titleId: SERIES, episodeId: episode(1, 1) }, other.auth)).resumePosition).toBe(0);
    });

    it('Continue Watching: the episode in progress, then the next one once it is finished, and gone after the last', async () => {
      await start({ titleId: SERIES, episodeId: episode(1, 3) });
      await heartbeat(episode(1, 3), 12);
      const [inProgress] = await continueWatching();
      expect(inProgress).toMatchObject({ title: { id: SERIES }, episode: { id: episode(1, 3), season: 1, number: 3, name: EPISODES[2].name }, position: 12 });

      const { duration } = await start({ titleId: SERIES, episodeId: episode(1, 3) });
      await heartbeat(episode(1, 3), duration);
      const upNext = await continueWatching();
      expect(upNext).toHaveLength(1);
      expect(upNext[0]).toMatchObject({ title: { id: SERIES }, episode: { id: episode(1, 4), season: 1, number: 4, name: EPISODES[3].name }, position: 0, progress: 0 });
      expect(upNext[0].duration).toBeGreaterThan(0);
      const home = (await t.http.get('/recs/home').set(viewer.auth).expect(200)).body.rows as { id: string; items: { id: string }[] }[];
      expect(home.find((row) => row.id === 'continue-watching')?.items.map((item) => item.id)).toEqual([SERIES]);

      const last = await start({ titleId: SERIES, episodeId: episode(2, 4) });
      await heartbeat(episode(2, 4), last.duration);
      expect(await continueWatching()).toEqual([]);
      const history = (await t.http.get('/me/history').set(viewer.auth).expect(200)).body.items;
      expect(history).toEqual([
        { title: expect.objectContaining({ id: SERIES }), episode: { id: episode(2, 4), season: 2, number: 4, name: EPISODES[8].name }, position: last.duration, duration: last.duration, completed: true, updatedAt: expect.any(String) },
      ]);
    });

    it('treats a series as one title in recommendations: one started is never offered as new', async () => {
      await start({ titleId: SERIES, episodeId: episode(1, 1) });
      await heartbeat(episode(1, 1), 5);
      await start({ titleId: SERIES, episodeId: episode(1, 2) });
      await heartbeat(episode(1, 2), 5);
      const forYou = (await t.http.get('/recs/for-you?limit=50').set(viewer.auth).expect(200)).body.items as { id: string }[];
      expect(forYou.map((item) => item.id)).not.toContain(SERIES);
      const home = (await t.http.get('/recs/home').set(viewer.auth).expect(200)).body.rows as { id: string; items: { id: string }[] }[];
      for (const row of home.filter((candidate) => candidate.id !== 'continue-watching')) expect(row.items.map((item) => item.id)).not.toContain(SERIES);
      expect((await t.http.get('/me/history').set(viewer.auth).expect(200)).body.items.map((item: { title: { id: string } }) => item.title.id)).toEqual([SERIES]);
    });

    it('forgetting a series forgets every episode of it', async () => {
      await heartbeat(episode(1, 1), 30);
      await heartbeat(episode(1, 2), 5);
      await t.http.delete(`/me/history/${SERIES}`).set(viewer.auth).expect(204);
      expect(await continueWatching()).toEqual([]);
      expect((await start({ titleId: SERIES, episodeId: episode(1, 1) })).resumePosition).toBe(0);
      const { items } = (await t.http.get(`/titles/${SERIES}/episodes?season=1`).set(viewer.auth).expect(200)).body;
      expect(items.every((item: { progress: unknown }) => item.progress === null)).toBe(true);
    });

    it('offers the next episode, across seasons, and none after the last or for a film', async () => {
      expect((await start({ titleId: SERIES, episodeId: episode(1, 4) })).next).toEqual({ titleId: SERIES, episodeId: episode(1, 5) });
      expect((await start({ titleId: SERIES, episodeId: episode(1, 5) })).next).toEqual({ titleId: SERIES, episodeId: episode(2, 1) });
      expect((await start({ titleId: SERIES, episodeId: episode(2, 4) })).next).toBeNull();
      const film = await start({ titleId: FILM });
      expect(film.next).toBeNull();
      expect(film.markers).toEqual(expect.any(Array));
    });
  });

  describe('with an episode ingested with markers', () => {
    let mediaDir: string;
    const intro = { type: 'intro', start: 2.5, end: 10 };
    const credits = { type: 'credits', start: 30, end: 36 };

    beforeEach(async () => {
      mediaDir = mkdtempSync(join(tmpdir(), 'series-media-'));
      symlinkSync(join(MEDIA_DIR, 'programmes'), join(mediaDir, 'programmes'));
      const folder = join(mediaDir, 'titles', episode(1, 2));
      mkdirSync(join(mediaDir, 'titles'));
      cpSync(join(MEDIA_DIR, 'programmes', 'prog-01'), folder, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
      // Stored out of order, with one marker past the end that must be left out.
      manifest.markers = [credits, { type: 'recap', start: 20, end: 999 }, intro];
      writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
      t = await createTestApp({ MEDIA_DIR: mediaDir });
      viewer = await signUpViewer(t);
    });

    afterEach(() => rmSync(mediaDir, { recursive: true, force: true }));

    it('returns the episode’s valid markers in order, and its own stream, signed for this login', async () => {
      const session = (await t.http.post('/play/start').set(viewer.auth).send({ titleId: SERIES, episodeId: episode(1, 2) }).expect(200)).body as Session;
      expect(session.markers).toEqual([intro, credits]);
      expect(session.next).toEqual({ titleId: SERIES, episodeId: episode(1, 3) });
      const streamPath = new URL(session.hlsUrl).pathname;
      expect(streamPath).toMatch(new RegExp(`^/stream/${episode(1, 2)}\\.`));
      const master = await t.http.get(streamPath).expect(200);
      expect(master.text).toContain('#EXTM3U');
      // Another episode plays a sample programme, with no markers in its manifest.
      const other = (await t.http.post('/play/start').set(viewer.auth).send({ titleId: SERIES, episodeId: episode(1, 1) }).expect(200)).body as Session;
      expect(other.markers).toEqual([]);
      // Signing out of every device ends the episode's stream too.
      await t.http.delete('/me/sessions').set(viewer.auth).expect(204);
      await t.http.get(streamPath).expect(403);
    });
  });
});
