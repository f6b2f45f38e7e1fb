import { buildCatalog } from './catalog-seed';
import { InMemoryCatalogRepository } from './in-memory-catalog.repository';
import { aTitle } from '../../test/support/title-builder';


describe('InMemoryCatalogRepository', () => {
  const repository = new InMemoryCatalogRepository([
    aTitle(0, { name: 'Café Lumière', genres: ['Drama'] }),
    aTitle(1, { name: 'The Iron Lantern', genres: ['Action', 'Drama'] }),
    aTitle(2, { name: 'Lanterns of Ashford', genres: ['Fantasy'] }),
    aTitle(3, { name: 'Ironclad', genres: ['Action'] }),
    aTitle(4, { name: "Müller's Extraordinarily Long Theorem", genres: ['Documentary'] }),
  ]);

  it('pages in ordinal order, reporting whether more follow', async () => {
    const first = await repository.findPage({}, null, 2);
    expect(first.items.map((t) => t.ordinal)).toEqual([0, 1]);
    expect(first.hasMore).toBe(true);
    const last = await repository.findPage({}, 3, 2);
    expect(last.items.map((t) => t.ordinal)).toEqual([4]);
    expect(last.hasMore).toBe(false);
  });

  it('matches query words as prefixes of name words, all words required, names that start with the query first', async () => {
    const ids = async (words: string[]) => (await repository.findPage({ words }, null, 10)).items.map((t) => t.ordinal);
    expect(await ids(['lantern'])).toEqual([2, 1]);
    expect(await ids(['iron'])).toEqual([3, 1]);
    expect(await ids(['iron', 'lant'])).toEqual([1]);
    expect(await ids(['mullers'])).toEqual([4]);
    expect(await ids(['extraordinarily'])).toEqual([4]);
    expect(await ids(['extraordinarilx'])).toEqual([]);
    expect(await ids(['cafe'])).toEqual([0]);
  });

  it('intersects genre and words, and pages the intersection from the cursor', async () => {
    const first = await repository.findPage({ genre: 'Action', words: ['iron'] }, null, 1);
    expect(first.items.map((t) => t.ordinal)).toEqual([3]);
    expect(first.hasMore).toBe(true);
    const second = await repository.findPage({ genre: 'Action', words: ['iron'] }, first.lastPosition ?? null, 1);
    expect(second.items.map((t) => t.ordinal)).toEqual([1]);
    expect(second.hasMore).toBe(false);
  });

  it('finds people, genres and synopsis words after names, each title once, closest first', async () => {
    const credited = new InMemoryCatalogRepository([
      { ...aTitle(0, { name: 'Harbor Lights', genres: ['Drama'] }), synopsis: 'A pilot named Vale flies home.', cast: ['Odalys Vale'], director: 'Bram Quennell' },
      { ...aTitle(1, { name: 'Vale of Echoes', genres: ['Fantasy'] }), synopsis: 'Mist.' },
      { ...aTitle(2, { name: 'Night Train', genres: ['Vale Noir'] }), synopsis: 'Quiet.' },
      { ...aTitle(3, { name: 'Dust', genres: ['Western'] }), synopsis: 'The vale is dry.' },
      { ...aTitle(4, { name: 'The Vale Below', genres: ['Drama'] }), synopsis: 'Caves.', cast: ['Petra Vale'] },
    ]);
    const ids = async (words: string[], limit = 10) => (await credited.findPage({ words }, null, limit)).items.map((t) => t.ordinal);
    expect(await ids(['vale'])).toEqual([1, 4, 0, 2, 3]);
    expect(await ids(['quennell'])).toEqual([0]);
    expect(await ids(['odalys', 'vale'])).toEqual([0]);
    const walked: number[] = [];
    for (let after: number | null = null, more = true; more; ) {
      const page = await credited.findPage({ words: ['vale'] }, after, 2);
      walked.push(...page.items.map((t) => t.ordinal));
      after = page.lastPosition ?? null;
      more = page.hasMore;
    }
    expect(walked).toEqual([1, 4, 0, 2, 3]);
  });

  it('knows genres case-insensitively and counts them', async () => {
    expect(await repository.canonicalGenre('dRaMa')).toBe('Drama');
    expect(await repository.canonicalGenre('Polka')).toBeUndefined();
    expect(await repository.genreCounts()).toEqual([
      { name: 'Action', count: 2 },
      { name: 'Documentary', count: 1 },
      { name: 'Drama', count: 2 },
      { name: 'Fantasy', count: 1 },
    ]);
  });

  it('finds many ids at once, in the order asked, leaving out unknown ones', async () => {
    expect((await repository.findMany(['tt1003', 'tt9999', 'tt1000'])).map((t) => t.ordinal)).toEqual([3, 0]);
  });

  it('leaves excluded titles out of similar titles', async () => {
    expect((await repository.findSimilar('tt1001', 2)).map((t) => t.ordinal)).toEqual([0, 3]);
    expect((await repository.findSimilar('tt1001', 2, new Set(['tt1000']))).map((t) => t.ordinal)).toEqual([3, 2]);
  });

  describe('topByPopularity', () => {
    const ranked = new InMemoryCatalogRepository([
      aTitle(0, { name: 'Quiet', genres: ['Drama'], year: 2000, popularity: 0.2 }),
      aTitle(1, { name: 'Loud', genres: ['Action', 'Drama'], year: 2000, popularity: 0.9 }),
      aTitle(2, { name: 'Tied Early', genres: ['Action'], year: 2000, popularity: 0.6 }),
      aTitle(3, { name: 'Tied Late', genres: ['Drama'], year: 2000, popularity: 0.6 }),
      aTitle(4, { name: 'Middling', genres: ['Comedy'], year: 2000, popularity: 0.5 }),
    ]);
    const ordinals = async (genre: string | undefined, limit: number, exclude?: ReadonlySet<string>) =>
      (await ranked.topByPopularity(genre, limit, exclude)).map((t) => t.ordinal);

    it('ranks the whole catalog by popularity, ties in catalog order', async () => {
      expect(await ordinals(undefined, 10)).toEqual([1, 2, 3, 4, 0]);
      expect(await ordinals(undefined, 2)).toEqual([1, 2]);
    });

    it('ranks within a genre and fills past exclusions', async () => {
      expect(await ordinals('Drama', 10)).toEqual([1, 3, 0]);
      expect(await ordinals('Drama', 2, new Set(['tt1001']))).toEqual([3, 0]);
      expect(await ordinals('Polka', 5)).toEqual([]);
    });
  });

  it('refuses a title list with gaps in its ordinals', () => {
    expect(() => new InMemoryCatalogRepository([aTitle(1, { name: 'Gap', genres: ['Drama'] })])).toThrow(/ordinals/);
  });
});

describe('buildCatalog', () => {
  it('is the 100 curated titles by default and grows deterministically', () => {
    const small = buildCatalog(100);
    expect(small).toHaveLength(100);
    expect(small[99].id).toBe('tt1099');
    const large = buildCatalog(250);
    expect(large.slice(0, 100)).toEqual(small);
    expect(large[249].id).toBe('tt1249');
    expect(buildCatalog(250)).toEqual(large);
    for (const generated of large.slice(100)) {
      expect(generated.genres.length).toBeGreaterThanOrEqual(1);
      expect(generated.genres.length).toBeLessThanOrEqual(3);
      expect(generated.popularity).toBeLessThan(Math.min(...small.map((t) => t.popularity)));
    }
  });
});
