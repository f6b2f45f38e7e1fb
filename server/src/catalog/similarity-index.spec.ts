import { SimilarityIndex } from './similarity-index';
import { Title } from './title';

function title(ordinal: number, genres: string[], year: number): Title {
  return { id: `tt${1000 + ordinal}`, ordinal, name: `T${ordinal}`, synopsis: '', year, genres, maturityRating: 'PG', runtimeMinutes: 90, popularity: 0.5, artwork: { palette: [], motif: 'waves' } };
}

describe('SimilarityIndex', () => {
  const titles = [
    title(0, ['Sci-Fi', 'Drama'], 2000),
    title(1, ['Sci-Fi', 'Drama'], 2010),
    title(2, ['Sci-Fi', 'Drama', 'Romance'], 1980),
    title(3, ['Sci-Fi'], 2001),
    title(4, ['Drama'], 1999),
    title(5, ['Comedy'], 2000),
    title(6, ['Sci-Fi', 'Drama'], 2003),
  ];
  const index = new SimilarityIndex(titles);

  it('ranks by genres shared, then by nearness in year, never the title itself', () => {
    expect(index.similarTo(titles[0], 10).map((t) => t.ordinal)).toEqual([6, 1, 2, 3, 4, 5]);
  });

  it('stops at the limit and honours exclusions', () => {
    expect(index.similarTo(titles[0], 2).map((t) => t.ordinal)).toEqual([6, 1]);
    expect(index.similarTo(titles[0], 2, new Set(['tt1006'])).map((t) => t.ordinal)).toEqual([1, 2]);
  });

  it('finds neighbours for a title outside the index by genres and year', () => {
    expect(index.similarTo({ id: 'x', genres: ['Comedy'], year: 1990 }, 1).map((t) => t.ordinal)).toEqual([5]);
  });
});
