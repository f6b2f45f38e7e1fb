import { buildCatalog } from '../src/catalog/catalog-seed';
import { maturityLevel } from '../src/catalog/maturity';
import { Summary } from './support/title-summary';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

const CATALOG = buildCatalog(100);
const KIDS_LEVEL = maturityLevel('TV-Y7');
const MATURE = CATALOG.filter((title) => maturityLevel(title.maturityRating) > KIDS_LEVEL);
const FOR_KIDS = CATALOG.filter((title) => maturityLevel(title.maturityRating) <= KIDS_LEVEL);
const MATURE_IDS = new Set(MATURE.map((title) => title.id));

function bearer(jwt: string): { Authorization: string } {
  return { Authorization: `Bearer ${jwt}` };
}

/** Every title id anywhere in a JSON answer: cards, details, similar ids, sources. */
function titleIdsIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^tt\d+$/.test(value)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) titleIdsIn(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) titleIdsIn(item, found);
  }
  return found;
}

describe('What a profile sees', () => {
  let t: TestApp;
  let owner: Viewer;

  beforeEach(async () => {
    t = await createTestApp();
    owner = await signUpViewer(t);
  });

  afterEach(() => t.close());

  async function newProfile(body: object): Promise<{ id: string; auth: { Authorization: string } }> {
    const profile = (await t.http.post('/profiles').set(owner.auth).send(body).expect(201)).body as { id: string };
    const selected = await t.http.post(`/profiles/${profile.id}/select`).set(owner.auth).send({}).expect(200);
    return { id: profile.id, auth: bearer(selected.body.jwt) };
  }

  async function watch(auth: { Authorization: string }, titleId: string, position: number): Promise<void> {
    const { duration } = (await t.http.post('/play/start').set(auth).send({ titleId }).expect(200)).body as { duration: number };
    await t.http.post('/play/heartbeat').set(auth).send({ titleId, position: Math.min(position, duration) }).expect(204);
  }

  it('never shows a kids profile a title above its ceiling, on any route that lists titles', async () => {
    // The profile collects mature titles while it may, then becomes a kids profile.
    const teen = await newProfile({ name: 'Teen' });
    for (const title of MATURE.slice(0, 6)) await t.http.put(`/me/list/${title.id}`).set(teen.auth).expect(204);
    for (const title of FOR_KIDS.slice(0, 3)) await t.http.put(`/me/list/${title.id}`).set(teen.auth).expect(204);
    for (const title of MATURE.slice(0, 4)) await t.http.put(`/me/ratings/${title.id}`).set(teen.auth).send({ rating: 'love' }).expect(204);
    await t.http.put(`/me/ratings/${FOR_KIDS[3].id}`).set(teen.auth).send({ rating: 'up' }).expect(204);
    for (const title of MATURE.slice(4, 8)) await watch(teen.auth, title.id, 10);
    await watch(teen.auth, MATURE[8].id, 10_000);
    for (const title of FOR_KIDS.slice(4, 7)) await watch(teen.auth, title.id, 10);
    // Everyone else binges mature titles, so they trend.
    for (let index = 0; index < 6; index++) {
      const fan = await signUpViewer(t);
      for (const title of MATURE.slice(0, 10)) await watch(fan.auth, title.id, 10);
    }
    await t.http.patch(`/profiles/${teen.id}`).set(owner.auth).send({ kids: true }).expect(200);

    const seen: { route: string; ids: string[] }[] = [];
    const look = async (route: string) => {
      const response = await t.http.get(route).set(teen.auth).expect(200);
      seen.push({ route, ids: titleIdsIn(response.body) });
      return response.body;
    };

    const catalog: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { items: Summary[]; cursor: string | null } = await look(`/catalog?limit=17${cursor ? `&cursor=${cursor}` : ''}`);
      catalog.push(...page.items.map((item) => item.id));
      cursor = page.cursor;
    }
    expect(catalog.sort()).toEqual(FOR_KIDS.map((title) => title.id).sort());
    const genres = (await look('/catalog/genres')) as { items: { name: string; count: number }[] };
    for (const { name, count } of genres.items) {
      expect({ name, count }).toEqual({ name, count: FOR_KIDS.filter((title) => title.genres.includes(name)).length });
      await look(`/catalog?genre=${encodeURIComponent(name)}&limit=100`);
    }
    for (const title of MATURE.slice(0, 12)) await look(`/catalog?q=${encodeURIComponent(title.name.split(' ')[1] ?? title.name)}&limit=100`);
    for (const title of FOR_KIDS) await look(`/titles/${title.id}`);
    await look('/recs/home');
    await look('/recs/for-you?limit=50');
    await look('/recs/trending');
    for (const title of FOR_KIDS.slice(4, 7)) await look(`/recs/because/${title.id}`);
    const list = (await look('/me/list')) as { items: Summary[] };
    const continueWatching = (await look('/me/continue-watching')) as { items: { title: Summary }[] };
    const history = (await look('/me/history')) as { items: { title: Summary }[] };
    const ratings = (await look('/me/ratings')) as { items: { titleId: string }[] };

    const leaks = seen.flatMap(({ route, ids }) => ids.filter((id) => MATURE_IDS.has(id)).map((id) => `${route} → ${id}`));
    expect(leaks).toEqual([]);
    // What is the profile's and may be seen is still there.
    expect(list.items.map((item) => item.id)).toEqual(FOR_KIDS.slice(0, 3).map((title) => title.id).reverse());
    expect(continueWatching.items.map((item) => item.title.id).sort()).toEqual(FOR_KIDS.slice(4, 7).map((title) => title.id).sort());
    expect(history.items).toHaveLength(3);
    expect(ratings.items.map((item) => item.titleId)).toEqual([FOR_KIDS[3].id]);
    // An adult profile of the same account still sees the mature titles.
    expect(titleIdsIn((await t.http.get('/recs/trending').set(owner.auth).expect(200)).body).some((id) => MATURE_IDS.has(id))).toBe(true);
  });

  it("keeps one profile's list, ratings, progress and taste out of another profile's answers", async () => {
    const a = await newProfile({ name: 'A' });
    const b = await newProfile({ name: 'B' });
    const homeOfB = async () => ((await t.http.get('/recs/home').set(b.auth).expect(200)).body.rows as { id: string; items: Summary[] }[]).map((row) => row.id);
    const before = await homeOfB();
    await t.http.put('/me/list/tt1010').set(a.auth).expect(204);
    await t.http.put('/me/ratings/tt1011').set(a.auth).send({ rating: 'down' }).expect(204);
    await watch(a.auth, 'tt1012', 10);
    await watch(a.auth, 'tt1013', 10_000);

    for (const route of ['/me/list', '/me/continue-watching', '/me/history', '/me/ratings']) {
      expect({ route, items: (await t.http.get(route).set(b.auth).expect(200)).body.items }).toEqual({ route, items: [] });
    }
    const rows = await homeOfB();
    expect(rows).toEqual(before);
    expect(rows.some((row) => row.startsWith('because-') || row === 'continue-watching' || row === 'my-list')).toBe(false);
    // A's thumbs-down and finished title do not leave B's picks: B's taste is B's.
    const picksOfB = ((await t.http.get('/recs/for-you?limit=50').set(b.auth).expect(200)).body.items as Summary[]).map((item) => item.id);
    expect(picksOfB).toEqual(expect.arrayContaining(['tt1011', 'tt1013']));
    const picksOfA = ((await t.http.get('/recs/for-you?limit=50').set(a.auth).expect(200)).body.items as Summary[]).map((item) => item.id);
    expect(picksOfA).not.toContain('tt1011');
    expect(picksOfA).not.toContain('tt1013');
    expect((await t.http.get('/me/list').set(a.auth).expect(200)).body.items.map((item: Summary) => item.id)).toEqual(['tt1010']);
  });
});
