import { SimilarityIndex } from './similarity-index';
import { aTitle } from '../../test/support/title-builder';


describe('SimilarityIndex', () => {
  const titles = [
    aTitle(0, { genres: ['Sci-Fi', 'Drama'], year: 2000 }),
    aTitle(1, { genres: ['Sci-Fi', 'Drama'], year: 2010 }),
    aTitle(2, { genres: ['Sci-Fi', 'Drama', 'Romance'], year: 1980 }),
    aTitle(3, { genres: ['Sci-Fi'], year: 2001 }),
    aTitle(4, { genres: ['Drama'], year: 1999 }),
    aTitle(5, { genres: ['Comedy'], year: 2000 }),
    aTitle(6, { genres: ['Sci-Fi', 'Drama'], year: 2003 }),
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
