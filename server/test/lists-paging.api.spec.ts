import { buildCatalog } from '../src/catalog/catalog-seed';
import { CURATED_SERIES_IDS } from './support/curated-series';
import { maturityLevel } from '../src/catalog/maturity';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

/** The curated films: the lists below are filled by playing titles, and a series would need an episode. */
const CATALOG = buildCatalog(100).filter((title) => !CURATED_SERIES_IDS.has(title.id));
const KIDS_LEVEL = maturityLevel('TV-Y7');
const MATURE = CATALOG.filter((title) => maturityLevel(title.maturityRating) > KIDS_LEVEL);
const FOR_KIDS = CATALOG.filter((title) => maturityLevel(title.maturityRating) <= KIDS_LEVEL);

type Auth = { Authorization: string };

interface Page {
  items: unknown[];
  cursor: string | null;
}

/** The id each kind of list names its title by. */
const idOf: Record<string, (item: never) => string> = {
  '/me/list': (item: { id: string }) => item.id,
  '/me/ratings': (item: { titleId: string }) => item.titleId,
  '/me/history': (item: { title: { id: string } }) => item.title.id,
};

describe('Lists that grow: /me/list, /me/ratings and /me/history page like the catalog', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeEach(async () => {
    t = await createTestApp();
    viewer = await signUpViewer(t);
  });

  afterEach(() => t.close());

  async function fill(auth: Auth, titleIds: string[]): Promise<void> {
    for (const titleId of titleIds) {
      await t.http.put(`/me/list/${titleId}`).set(auth).expect(204);
      await t.http.put(`/me/ratings/${titleId}`).set(auth).send({ rating: 'up' }).expect(204);
      await t.http.post('/play/start').set(auth).send({ titleId }).expect(200);
      await t.http.post('/play/heartbeat').set(auth).send({ titleId, position: 5 }).expect(204);
    }
  }

  /** Follows `cursor` until null; every page but the last is full. */
  async function walk(route: string, auth: Auth, limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let pages = 0;
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const query = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await t.http.get(`${route}?${query}`).set(auth).expect(200)).body as Page;
      pages++;
      if (page.cursor) expect(page.items).toHaveLength(limit);
      ids.push(...page.items.map((item) => idOf[route](item as never)));
      cursor = page.cursor;
    }
    return { ids, pages };
  }

  it.each(['/me/list', '/me/ratings', '/me/history'])('%s: a cursor walk sees every item once, newest first, as the whole list does', async (route) => {
    const titles = CATALOG.slice(0, 11).map((title) => title.id);
    await fill(viewer.auth, titles);
    const whole = (await t.http.get(route).set(viewer.auth).expect(200)).body as Page;
    expect(whole.cursor).toBeNull();
    expect(whole.items.map((item) => idOf[route](item as never))).toEqual([...titles].reverse());
    const walked = await walk(route, viewer.auth, 4);
    expect(walked).toEqual({ ids: [...titles].reverse(), pages: 3 });
    // A limit that divides the list exactly ends with a null cursor on the last full page.
    const exact = (await t.http.get(`${route}?limit=11`).set(viewer.auth).expect(200)).body as Page;
    expect(exact.items).toHaveLength(11);
    expect(exact.cursor).toBeNull();
  });

  it('a cursor alone pages by 20', async () => {
    await fill(viewer.auth, CATALOG.slice(0, 23).map((title) => title.id));
    const first = (await t.http.get('/me/list?limit=1').set(viewer.auth).expect(200)).body as Page;
    const next = (await t.http.get(`/me/list?cursor=${encodeURIComponent(first.cursor ?? '')}`).set(viewer.auth).expect(200)).body as Page;
    expect(next.items).toHaveLength(20);
    expect(next.cursor).not.toBeNull();
  }, 60_000);

  it('skips titles above a profile’s ceiling without short pages, and still sees every visible one once', async () => {
    const profile = (await t.http.post('/profiles').set(viewer.auth).send({ name: 'Later kids' }).expect(201)).body as { id: string };
    const auth = { Authorization: `Bearer ${(await t.http.post(`/profiles/${profile.id}/select`).set(viewer.auth).send({}).expect(200)).body.jwt}` };
    // Mature and kids' titles interleaved, then the profile becomes a kids profile.
    const mixed = MATURE.slice(0, 6).flatMap((title, i) => [title.id, FOR_KIDS[i].id]);
    for (const titleId of mixed) await t.http.put(`/me/list/${titleId}`).set(auth).expect(204);
    await t.http.patch(`/profiles/${profile.id}`).set(viewer.auth).send({ kids: true }).expect(200);
    const visible = FOR_KIDS.slice(0, 6).map((title) => title.id).reverse();
    expect(await walk('/me/list', auth, 4)).toEqual({ ids: visible, pages: 2 });
  });

  it('refuses a bad limit, a garbled cursor and a cursor of another list or profile with 400', async () => {
    await fill(viewer.auth, CATALOG.slice(0, 3).map((title) => title.id));
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=garbage', 'cursor=e30.AAAA']) {
      const response = await t.http.get(`/me/list?${query}`).set(viewer.auth).expect(400);
      expect(response.body.message).toMatch(/limit|cursor/);
    }
    const { cursor } = (await t.http.get('/me/list?limit=1').set(viewer.auth).expect(200)).body as Page;
    const borrowed = await t.http.get(`/me/ratings?limit=1&cursor=${encodeURIComponent(cursor ?? '')}`).set(viewer.auth).expect(400);
    expect(borrowed.body.message).toMatch(/cursor belongs to a different query/);
    const other = await signUpViewer(t);
    await t.http.get(`/me/list?limit=1&cursor=${encodeURIComponent(cursor ?? '')}`).set(other.auth).expect(400);
  });
});
