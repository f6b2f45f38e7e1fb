import { buildCatalog } from '../src/catalog/catalog-seed';
import { maturityLevel } from '../src/catalog/maturity';
import { curatedEpisodes } from '../src/series/series-seed';
import { HOME_PAGE_MAX_AGE_MS } from '../src/recs/home-pages.service';
import { CURATED_SERIES_IDS } from './support/curated-series';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';
import { Summary } from './support/title-summary';

interface Row {
  id: string;
  items: Summary[];
}

type Auth = { Authorization: string };

const CATALOG = buildCatalog(100);
/** Films (a series plays by episode) from the least popular up: no new viewer's Trending Now holds one until it is played. */
const OBSCURE_FILMS = CATALOG.filter((title) => !CURATED_SERIES_IDS.has(title.id))
  .sort((a, b) => a.popularity - b.popularity || b.ordinal - a.ordinal)
  .map((title) => title.id);
const KIDS_LEVEL = maturityLevel('TV-Y7');
const FOR_KIDS = new Set(CATALOG.filter((title) => maturityLevel(title.maturityRating) <= KIDS_LEVEL).map((title) => title.id));

const ids = (items: Summary[]) => items.map((item) => item.id);
const bearer = (jwt: string): Auth => ({ Authorization: `Bearer ${jwt}` });

describe('GET /recs/home kept per profile', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeEach(async () => {
    t = await createTestApp();
    viewer = await signUpViewer(t);
  });

  afterEach(() => t.close());

  async function home(auth: Auth = viewer.auth): Promise<Row[]> {
    return (await t.http.get('/recs/home').set(auth).expect(200)).body.rows;
  }

  async function row(id: string, auth: Auth = viewer.auth): Promise<string[] | undefined> {
    const found = (await home(auth)).find((candidate) => candidate.id === id);
    return found && ids(found.items);
  }

  async function start(titleId: string, episodeId?: string): Promise<number> {
    return (await t.http.post('/play/start').set(viewer.auth).send({ titleId, episodeId }).expect(200)).body.duration;
  }

  async function heartbeat(titleId: string, position: number, episodeId?: string): Promise<void> {
    await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId, episodeId, position }).expect(204);
  }

  it('tags the page, answers 304 without a body to its tag and the page to another, privately and varying by Authorization', async () => {
    const first = await t.http.get('/recs/home').set(viewer.auth).expect(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers['vary']).toMatch(/Authorization/);
    expect(first.headers['content-type']).toMatch(/^application\/json/);

    const again = await t.http.get('/recs/home').set(viewer.auth).set('If-None-Match', etag).expect(304);
    expect(again.text).toBe('');
    expect(again.headers['etag']).toBe(etag);
    const other = await t.http.get('/recs/home').set(viewer.auth).set('If-None-Match', '"not-this-page"').expect(200);
    expect(other.body).toEqual(first.body);

    await t.http.put(`/me/list/${OBSCURE_FILMS[0]}`).set(viewer.auth).expect(204);
    const changed = await t.http.get('/recs/home').set(viewer.auth).set('If-None-Match', etag).expect(200);
    expect(changed.headers['etag']).not.toBe(etag);
  });

  it('shows My List changes and ratings on the very next request', async () => {
    const [saved] = OBSCURE_FILMS;
    const trending = (await row('trending')) ?? [];
    const leader = trending[0];
    expect(await row('my-list')).toBeUndefined();

    await t.http.put(`/me/list/${saved}`).set(viewer.auth).expect(204);
    expect(await row('my-list')).toEqual([saved]);
    await t.http.delete(`/me/list/${saved}`).set(viewer.auth).expect(204);
    expect(await row('my-list')).toBeUndefined();

    await t.http.put(`/me/ratings/${leader}`).set(viewer.auth).send({ rating: 'down' }).expect(204);
    expect((await home()).flatMap((shown) => ids(shown.items))).not.toContain(leader);
    await t.http.delete(`/me/ratings/${leader}`).set(viewer.auth).send().expect(204);
    expect(await row('trending')).toEqual(trending);
  });

  it('shows a play, a start, a title taken up again, a completion and a forgotten title on the very next request', async () => {
    const [first, second] = OBSCURE_FILMS;
    expect(await row('trending')).not.toContain(first);

    const duration = await start(first);
    expect((await row('trending'))?.[0]).toBe(first);
    expect(await row('continue-watching')).toBeUndefined();
    await heartbeat(first, 0);
    expect(await row('continue-watching')).toBeUndefined();
    await heartbeat(first, duration * 0.3);
    expect(await row('continue-watching')).toEqual([first]);

    await start(second);
    await heartbeat(second, duration * 0.3);
    expect(await row('continue-watching')).toEqual([second, first]);

    // Taken up again: the page asked between the play and its first heartbeat still has the old order.
    await start(first);
    expect(await row('continue-watching')).toEqual([second, first]);
    await heartbeat(first, duration * 0.4);
    expect(await row('continue-watching')).toEqual([first, second]);
    await heartbeat(first, duration * 0.5);
    await heartbeat(first, duration);
    expect(await row('continue-watching')).toEqual([second]);

    await t.http.delete(`/me/history/${second}`).set(viewer.auth).expect(204);
    expect(await row('continue-watching')).toBeUndefined();
  });

  it('shows a series started by an episode, and leaving Continue Watching once its last episode is finished', async () => {
    const episodes = curatedEpisodes().filter((episode) => episode.titleId === curatedEpisodes()[0].titleId);
    const [pilot, last] = [episodes[0], episodes[episodes.length - 1]];
    // Each page is asked for between a play and its heartbeats, as another device of the profile may.
    const duration = await start(pilot.titleId, pilot.id);
    expect(await row('continue-watching')).toBeUndefined();
    await heartbeat(pilot.titleId, duration * 0.3, pilot.id);
    expect(await row('continue-watching')).toEqual([pilot.titleId]);
    const lastDuration = await start(last.titleId, last.id);
    expect(await row('continue-watching')).toEqual([pilot.titleId]);
    await heartbeat(last.titleId, lastDuration, last.id);
    expect(await row('continue-watching')).toBeUndefined();
  });

  it("never serves one profile another's page, nor a page made for another ceiling", async () => {
    const created = (await t.http.post('/profiles').set(viewer.auth).send({ name: 'Second' }).expect(201)).body as { id: string };
    const second = bearer((await t.http.post(`/profiles/${created.id}/select`).set(viewer.auth).send({}).expect(200)).body.jwt);
    const first = (await t.http.get('/profiles').set(viewer.auth).expect(200)).body.items[0] as { id: string };

    await t.http.put(`/me/list/${OBSCURE_FILMS[0]}`).set(viewer.auth).expect(204);
    const own = await t.http.get('/recs/home').set(viewer.auth).expect(200);
    expect(own.body.rows[0].id).toBe('my-list');
    const other = await t.http.get('/recs/home').set(second).set('If-None-Match', own.headers['etag']).expect(200);
    expect(other.body.rows.map((shown: Row) => shown.id)).not.toContain('my-list');

    const grownUp = (await home()).flatMap((shown) => ids(shown.items));
    expect(grownUp.some((id) => !FOR_KIDS.has(id))).toBe(true);
    await t.http.patch(`/profiles/${first.id}`).set(viewer.auth).send({ kids: true }).expect(200);
    const kids = (await home()).flatMap((shown) => ids(shown.items));
    expect(kids.length).toBeGreaterThan(0);
    for (const id of kids) expect(FOR_KIDS).toContain(id);
  });

  it("shows other viewers' plays once the page is HOME_PAGE_MAX_AGE_MS old, not before", async () => {
    const played = OBSCURE_FILMS[0];
    const before = await row('trending');
    for (let index = 0; index < 3; index++) {
      const fan = await signUpViewer(t);
      await t.http.post('/play/start').set(fan.auth).send({ titleId: played }).expect(200);
    }
    expect(await row('trending')).toEqual(before);
    t.clock.advance(HOME_PAGE_MAX_AGE_MS / 1000);
    expect(await row('trending')).toEqual(before);
    t.clock.advance(1);
    expect((await row('trending'))?.[0]).toBe(played);
  });
});
