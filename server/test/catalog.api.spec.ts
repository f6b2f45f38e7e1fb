import curated from '../src/catalog/data/curated-titles.json';
import { createTestApp, makeFirstProfileKids, signUpViewer, TestApp, Viewer } from './support/test-app';
import { Summary } from './support/title-summary';

async function walk(t: TestApp, viewer: Viewer, query: Record<string, string | number>): Promise<Summary[]> {
  const seen: Summary[] = [];
  let cursor: string | null = null;
  do {
    const response: { body: { items: Summary[]; cursor: string | null } } = await t.http
      .get('/catalog')
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .set(viewer.auth)
      .expect(200);
    seen.push(...response.body.items);
    cursor = response.body.cursor;
  } while (cursor);
  return seen;
}

describe('Catalog API', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await signUpViewer(t);
  });

  afterAll(() => t.close());

  it('pages through all 100 curated titles, each exactly once, in a stable order', async () => {
    const first = await walk(t, viewer, { limit: 7 });
    expect(first.map((title) => title.id)).toEqual(curated.map((title) => title.id));
    const second = await walk(t, viewer, { limit: 13 });
    expect(second).toEqual(first);
  });

  it('returns summaries in the contract shape with server-hosted posters', async () => {
    const response = await t.http.get('/catalog').set(viewer.auth).expect(200);
    expect(response.body.items).toHaveLength(20);
    expect(response.body.items[0]).toEqual({
      id: 'tt1000',
      name: curated[0].name,
      posterUrl: expect.stringMatching(/^http:\/\/localhost:5000\/images\/tt1000\/poster\.svg/),
      year: curated[0].year,
      genres: curated[0].genres,
    });
    expect(response.body.cursor).toEqual(expect.any(String));
  });

  it('lists every genre with its count, and filtering by each, in any case, yields exactly those titles', async () => {
    const genres: { name: string; count: number }[] = (await t.http.get('/catalog/genres').set(viewer.auth).expect(200)).body.items;
    expect(genres.length).toBeGreaterThanOrEqual(10);
    for (const genre of genres) {
      const expected = curated.filter((title) => title.genres.includes(genre.name)).map((title) => title.id);
      expect(genre.count).toBe(expected.length);
      const found = await walk(t, viewer, { genre: genre.name.toUpperCase(), limit: 5 });
      expect(found.map((title) => title.id)).toEqual(expected);
    }
  });

  it('gives an empty page for a genre that does not exist', async () => {
    expect((await t.http.get('/catalog').query({ genre: 'Polka' }).set(viewer.auth).expect(200)).body).toEqual({ items: [], cursor: null });
  });

  it('finds every title by any one word of its name', async () => {
    for (const title of curated) {
      const words = title.name.split(/\s+/).filter((word) => word.length > 3);
      const word = words[words.length - 1] ?? title.name;
      const found = await walk(t, viewer, { q: word.toLowerCase(), limit: 100 });
      expect(found.map((summary) => summary.id)).toContain(title.id);
    }
  });

  it('searches regardless of case and accents, and by word prefixes as the viewer types', async () => {
    const cafe = curated.find((title) => title.name.startsWith('Café'));
    const nandu = curated.find((title) => title.name.includes('Ñandú'));
    expect(cafe && nandu).toBeTruthy();
    const ids = async (q: string) => (await walk(t, viewer, { q })).map((title) => title.id);
    expect(await ids('CAFE')).toContain(cafe?.id);
    expect(await ids('rosiere')).toContain(cafe?.id);
    expect(await ids('ñandú')).toContain(nandu?.id);
    expect(await ids('nandu express')).toEqual([nandu?.id]);
    expect(await ids('carto')).toContain('tt1000');
    expect(await ids('zzzzqqq')).toEqual([]);
  });

  it('combines genre and search', async () => {
    const found = await walk(t, viewer, { genre: 'drama', q: 'the' });
    expect(found.length).toBeGreaterThan(0);
    for (const title of found) expect(title.genres).toContain('Drama');
    // Titles with the word in their name come first; then those that have it elsewhere (the synopsis).
    const inName = found.map((title) => /\bthe/i.test(title.name));
    expect(inName[0]).toBe(true);
    expect(inName.slice(inName.indexOf(false)).every((named) => !named)).toBe(true);
  });

  it.each([['0'], ['101'], ['abc'], ['1.5'], ['-3']])('refuses limit=%s with a 400 naming limit', async (limit) => {
    const response = await t.http.get('/catalog').query({ limit }).set(viewer.auth).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/limit/) });
  });

  it('refuses unknown query parameters', async () => {
    const response = await t.http.get('/catalog').query({ sort: 'name' }).set(viewer.auth).expect(400);
    expect(response.body.message).toMatch(/sort/);
  });

  it('refuses garbled, forged and misplaced cursors with a 400', async () => {
    const page = (await t.http.get('/catalog').query({ limit: 5 }).set(viewer.auth).expect(200)).body;
    const [body, signature] = page.cursor.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ after: 50, query: '|' })).toString('base64url');
    for (const cursor of ['garbage', `${body}.`, `${forgedBody}.${signature}`, `${body}.${signature}x`, `${body}.${signature}.x`, '%%%']) {
      const response = await t.http.get('/catalog').query({ cursor }).set(viewer.auth).expect(400);
      expect(response.body.message).toMatch(/cursor/);
    }
    const otherQuery = await t.http.get('/catalog').query({ cursor: page.cursor, genre: 'Drama' }).set(viewer.auth).expect(400);
    expect(otherQuery.body.message).toMatch(/different query/);
  });

  it('requires a bearer token', async () => {
    await t.http.get('/catalog').expect(401);
    await t.http.get('/catalog/genres').expect(401);
  });
});

describe('Catalog API at 1 000 titles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CATALOG_SIZE: '1000' });
  });

  afterAll(() => t.close());

  it('pages through every title exactly once, in a stable order', async () => {
    const viewer = await signUpViewer(t);
    const seen = await walk(t, viewer, { limit: 100 });
    expect(seen).toHaveLength(1000);
    expect(new Set(seen.map((title) => title.id)).size).toBe(1000);
    expect(seen.map((title) => title.id)).toEqual(Array.from({ length: 1000 }, (_, index) => `tt${1000 + index}`));
    expect(await walk(t, viewer, { limit: 37 })).toEqual(seen);
  });

  it('filters generated titles by genre too, each once', async () => {
    const viewer = await signUpViewer(t);
    const genres: { name: string; count: number }[] = (await t.http.get('/catalog/genres').set(viewer.auth).expect(200)).body.items;
    const total = genres.reduce((sum, genre) => sum + genre.count, 0);
    expect(total).toBeGreaterThan(1000);
    const horror = await walk(t, viewer, { genre: 'horror', limit: 100 });
    expect(horror).toHaveLength(genres.find((genre) => genre.name === 'Horror')?.count ?? -1);
    expect(new Set(horror.map((title) => title.id)).size).toBe(horror.length);
  });
});

describe('Catalog API: ETag and If-None-Match', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('tags a page, answers 304 without a body to its tag and the page again to another, privately and varying by Authorization', async () => {
    const viewer = await signUpViewer(t);
    const first = await t.http.get('/catalog').query({ limit: 5 }).set(viewer.auth).expect(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers['vary']).toMatch(/\bAuthorization\b/);

    const again = await t.http.get('/catalog').query({ limit: 5 }).set(viewer.auth).set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers['etag']).toBe(etag);

    const other = await t.http.get('/catalog').query({ limit: 5 }).set(viewer.auth).set('If-None-Match', '"not-this-page"').expect(200);
    expect(other.body).toEqual(first.body);
    expect(other.headers['etag']).toBe(etag);

    const nextPage = await t.http.get('/catalog').query({ limit: 5, cursor: first.body.cursor }).set(viewer.auth).set('If-None-Match', etag).expect(200);
    expect(nextPage.headers['etag']).not.toBe(etag);
  });

  it("gives a new tag once the profile's maturity filtering changes what the page holds", async () => {
    const viewer = await signUpViewer(t);
    const before = await t.http.get('/catalog').query({ limit: 50 }).set(viewer.auth).expect(200);
    await makeFirstProfileKids(t, viewer);

    const after = await t.http.get('/catalog').query({ limit: 50 }).set(viewer.auth).set('If-None-Match', before.headers['etag'] as string).expect(200);
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    expect(after.body.items.map((title: Summary) => title.id)).not.toEqual(before.body.items.map((title: Summary) => title.id));
  });
});
