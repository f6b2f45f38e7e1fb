import { Title } from '../catalog/title';
import { HomeRow, HomeRows, ROW_SIZE } from './home-rows';

function titles(...ordinals: number[]): Title[] {
  return ordinals.map((ordinal) => ({ id: `tt${1000 + ordinal}`, ordinal, name: `T${ordinal}`, synopsis: '', year: 2000, genres: ['Drama'], maturityRating: 'PG', runtimeMinutes: 90, popularity: 0.5, artwork: { palette: [], motif: 'waves' } }));
}

const ordinals = (row: HomeRow | undefined) => row?.items.map((item) => item.ordinal);

describe('HomeRows', () => {
  it('puts a title in at most two rows, the first rows filled having first claim', () => {
    const page = new HomeRows();
    expect(ordinals(page.ownRow('continue-watching', 'Continue Watching', titles(1, 2)))).toEqual([1, 2]);
    expect(ordinals(page.ownRow('my-list', 'My List', titles(2, 3)))).toEqual([2, 3]);
    const exclusion = page.exclusion(new Set(['tt1009']));
    expect(ordinals(page.row('trending', 'Trending Now', titles(1, 2, 3, 4, 9), exclusion))).toEqual([1, 3, 4]);
    expect(ordinals(page.row('top-picks', 'Top picks for you', titles(3, 4, 5), exclusion))).toEqual([4, 5]);
    expect(page.row('because-tt1001', 'Because you watched T1', titles(1, 2, 3, 4), exclusion)).toBeUndefined();
  });

  it('fills a genre row with titles new to the page first, then repeats of titles shown only once', () => {
    const page = new HomeRows();
    page.ownRow('my-list', 'My List', titles(1));
    page.row('top-picks', 'Top picks for you', titles(1, 2, 3), page.exclusion(new Set()));
    expect(ordinals(page.genreRow('genre-drama', 'Drama', titles(2, 6, 7), titles(1, 2, 3, 6)))).toEqual([6, 7, 2, 3]);
    expect(ordinals(page.genreRow('genre-comedy', 'Comedy', titles(6), titles(6, 2)))).toEqual([6]);
    expect(page.genreRow('genre-crime', 'Crime', titles(1, 2, 6), titles(1, 2, 3, 6))).toBeUndefined();
  });

  it('keeps exclusion sets up to date as rows are filled, so later sources skip those titles', () => {
    const page = new HomeRows();
    const full = page.exclusion(new Set(['tt1001']));
    const shown = page.shownExclusion(new Set(['tt1001']));
    page.row('trending', 'Trending Now', titles(2, 3), full);
    expect([...full].sort()).toEqual(['tt1001']);
    expect([...shown].sort()).toEqual(['tt1001', 'tt1002', 'tt1003']);
    page.ownRow('my-list', 'My List', titles(3));
    expect([...full].sort()).toEqual(['tt1001', 'tt1003']);
    expect([...page.exclusion(new Set())]).toEqual(['tt1003']);
  });

  it('caps rows at the row size', () => {
    const page = new HomeRows();
    const many = titles(...Array.from({ length: 30 }, (_, index) => index));
    expect(page.ownRow('my-list', 'My List', many)?.items).toHaveLength(ROW_SIZE);
    expect(page.row('trending', 'Trending Now', many, page.exclusion(new Set()))?.items).toHaveLength(ROW_SIZE);
  });
});
