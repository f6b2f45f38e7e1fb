import { buildCatalog } from '../src/catalog/catalog-seed';
import { maturityLevel } from '../src/catalog/maturity';
import { searchWords } from '../src/catalog/search-text';
import { Title } from '../src/catalog/title';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

const CATALOG = buildCatalog(100);

/** A–Z goes by the words of the name, accents and punctuation aside. */
const nameKey = (title: Title) => searchWords(title.name).join(' ');

const ORDERS: Record<string, (a: Title, b: Title) => number> = {
  popular: (a, b) => b.popularity - a.popularity || a.ordinal - b.ordinal,
  newest: (a, b) => b.year - a.year || a.ordinal - b.ordinal,
  az: (a, b) => (nameKey(a) < nameKey(b) ? -1 : nameKey(a) > nameKey(b) ? 1 : a.ordinal - b.ordinal),
};

function expected(sort: string, keep: (title: Title) => boolean = () => true): string[] {
  return CATALOG.filter(keep).sort(ORDERS[sort]).map((title) => title.id);
}

describe('Browsing the catalog: sort and filters', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestApp({}, { store: 'memory' });
    viewer = await signUpViewer(t);
  });

  afterAll(() => t.close());

  /** Follows `cursor` until null and returns the ids in the order seen. */
  async function walk(query: string, auth = viewer.auth, limit = 7): Promise<string[]> {
    const ids: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const url = `/catalog?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await t.http.get(url).set(auth).expect(200)).body as { items: { id: string }[]; cursor: string | null };
      if (page.cursor) expect(page.items).toHaveLength(limit);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.cursor;
    }
    return ids;
  }

  it.each(['popular', 'newest', 'az'])('sort=%s: a cursor walk sees every title once, in that order', async (sort) => {
    expect(await walk(`sort=${sort}`)).toEqual(expected(sort));
  });

  it('sorts within a genre, any case', async () => {
    const genre = CATALOG[0].genres[0];
    expect(await walk(`sort=newest&genre=${encodeURIComponent(genre.toUpperCase())}`, viewer.auth, 3)).toEqual(expected('newest', (title) => title.genres.includes(genre)));
  });

  it('filters by decade and by maturity, alone and together, with any sort', async () => {
    const decades = [...new Set(CATALOG.map((title) => Math.floor(title.year / 10) * 10))];
    expect(decades.length).toBeGreaterThan(1);
    for (const decade of decades) {
      expect(await walk(`decade=${decade}&sort=az`)).toEqual(expected('az', (title) => Math.floor(title.year / 10) * 10 === decade));
    }
    const pg13 = (title: Title) => maturityLevel(title.maturityRating) <= maturityLevel('PG-13');
    expect(await walk('maturity=PG-13&sort=popular')).toEqual(expected('popular', pg13));
    expect(await walk(`maturity=PG-13&decade=${decades[0]}`)).toEqual(CATALOG.filter((title) => pg13(title) && Math.floor(title.year / 10) * 10 === decades[0]).map((title) => title.id));
  });

  it('never widens a profile’s maturity ceiling', async () => {
    const kids = (await t.http.post('/profiles').set(viewer.auth).send({ name: 'Kids', kids: true }).expect(201)).body as { id: string };
    const auth = { Authorization: `Bearer ${(await t.http.post(`/profiles/${kids.id}/select`).set(viewer.auth).send({}).expect(200)).body.jwt}` };
    const forKids = (title: Title) => maturityLevel(title.maturityRating) <= maturityLevel('TV-Y7');
    expect(await walk('maturity=NC-17&sort=popular', auth)).toEqual(expected('popular', forKids));
    expect(await walk('maturity=G&sort=az', auth)).toEqual(expected('az', (title) => maturityLevel(title.maturityRating) <= maturityLevel('G')));
  });

  it('refuses a bad sort, decade or maturity, sort with a search, and a cursor of another sort with 400', async () => {
    for (const query of ['sort=rating', 'decade=1995', 'decade=1850', 'decade=abc', 'maturity=XXX', 'sort=az&q=night']) {
      const response = await t.http.get(`/catalog?${query}`).set(viewer.auth).expect(400);
      expect(response.body.message).toMatch(/sort|decade|maturity/);
    }
    const { cursor } = (await t.http.get('/catalog?sort=popular&limit=5').set(viewer.auth).expect(200)).body;
    const other = await t.http.get(`/catalog?sort=newest&limit=5&cursor=${encodeURIComponent(cursor)}`).set(viewer.auth).expect(400);
    expect(other.body.message).toMatch(/different query/);
  });

  it('keeps the catalog order and its cursors when no sort or filter is asked for', async () => {
    expect(await walk('genre=')).toEqual(CATALOG.map((title) => title.id));
  });
});
