import { buildCatalog } from '../src/catalog/catalog-seed';
import { searchWords } from '../src/catalog/search-text';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

const CURATED = buildCatalog(100);

describe('Search that pages: names, people, genres and synopses, closest first', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestApp({}, { store: 'memory' });
    viewer = await signUpViewer(t);
  });

  afterAll(() => t.close());

  async function walk(q: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const query: Record<string, string | number> = { q, limit, ...(cursor ? { cursor } : {}) };
      const page = (await t.http.get('/catalog').query(query).set(viewer.auth).expect(200)).body as { items: { id: string }[]; cursor: string | null };
      if (page.cursor) expect(page.items).toHaveLength(limit);
      ids.push(...page.items.map((item) => item.id));
      cursor = page.cursor;
    }
    return ids;
  }

  it('a cursor walk sees every match once, in the same order whatever the page size', async () => {
    const small = await walk('the', 7);
    expect(new Set(small).size).toBe(small.length);
    expect(await walk('the', 100)).toEqual(small);
    // Every title with the word in its name is there, and they all come before any other match.
    const named = CURATED.filter((title) => searchWords(title.name).some((word) => word.startsWith('the'))).map((title) => title.id);
    expect(small.slice(0, named.length).sort()).toEqual([...named].sort());
    expect(small.length).toBeGreaterThan(named.length);
  });

  it('finds a title by any of its cast and by its director, whole name or surname', async () => {
    for (const title of CURATED.slice(0, 12)) {
      const [lead] = title.cast ?? [];
      expect(lead).toBeDefined();
      expect(await walk(lead, 50)).toContain(title.id);
      expect(await walk(lead.split(' ')[1], 50)).toContain(title.id);
      expect(await walk(title.director ?? '', 50)).toContain(title.id);
    }
  });

  it('matches a person by their own name, never by words of two different people', async () => {
    const [first, second] = CURATED[0].cast ?? [];
    const mixed = `${first.split(' ')[0]} ${second.split(' ').slice(1).join(' ')}`;
    const whoseNameIsMixed = CURATED.filter((title) => [...(title.cast ?? []), title.director].some((person) => person === mixed));
    expect(whoseNameIsMixed).toEqual([]);
    expect(await walk(mixed, 50)).not.toContain(CURATED[0].id);
  });

  it('puts names that start with the query first, then name words, then people, genres and synopses', async () => {
    const ids = await walk('drama', 100);
    const byId = new Map(CURATED.map((title) => [title.id, title]));
    const tier = (id: string) => {
      const title = byId.get(id);
      if (!title) throw new Error(id);
      const name = searchWords(title.name);
      if (name.join(' ').startsWith('drama')) return 0;
      if (name.some((word) => word.startsWith('drama'))) return 1;
      if ([...(title.cast ?? []), title.director ?? ''].some((person) => searchWords(person).some((word) => word.startsWith('drama')))) return 2;
      if (title.genres.some((genre) => searchWords(genre).some((word) => word.startsWith('drama')))) return 3;
      return 4;
    };
    const tiers = ids.map(tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers).toContain(3);
    expect(ids).toHaveLength(CURATED.filter((title) => title.genres.includes('Drama') || /drama/i.test(title.name) || /\bdrama/i.test(title.synopsis)).length);
  });

  it('finds words of the synopsis', async () => {
    const cartographer = CURATED[0];
    expect(cartographer.synopsis).toMatch(/surveyor/);
    expect(await walk('surveyor', 20)).toContain(cartographer.id);
  });

  it('answers an empty page for what matches nothing', async () => {
    expect((await t.http.get('/catalog').query({ q: 'zzqqxx' }).set(viewer.auth).expect(200)).body).toEqual({ items: [], cursor: null });
  });
});
