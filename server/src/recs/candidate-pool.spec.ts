import { Title } from '../catalog/title';
import { CandidatePool, FOR_YOU_WEIGHTS, ScoreWeights } from './candidate-pool';
import { contentSimilarity } from './content-similarity';

function title(ordinal: number, genres: string[], popularity = 0.5, year = 2000): Title {
  return { id: `tt${1000 + ordinal}`, ordinal, name: `T${ordinal}`, synopsis: '', year, genres, maturityRating: 'PG', runtimeMinutes: 90, popularity, artwork: { palette: [], motif: 'waves' } };
}

const NO_GENRES = { genreAffinity: new Map<string, number>() };
const ONLY: (key: keyof ScoreWeights) => ScoreWeights = (key) => ({ coWatch: 0, content: 0, genre: 0, trending: 0, popularity: 0, damping: 0, [key]: 1 });

describe('CandidatePool', () => {
  const [a, b, c, d] = [title(1, ['Sci-Fi']), title(2, ['Comedy'], 0.9), title(3, ['Sci-Fi', 'Drama'], 0.1), title(4, ['Drama'])];

  function pool(): CandidatePool {
    const candidates = new CandidatePool();
    for (const candidate of [a, b, c, d]) candidates.consider(candidate);
    return candidates;
  }

  const ids = (titles: Title[]) => titles.map((t) => t.id);

  it('ranks by the weighted sum of the evidence, ties in catalog order', () => {
    const candidates = pool();
    candidates.addCoWatch('tt1003', 0.5);
    candidates.addContent(d, 0.4);
    expect(ids(candidates.rank(NO_GENRES, ONLY('coWatch'), 10, new Set()))).toEqual(['tt1003', 'tt1001', 'tt1002', 'tt1004']);
    expect(ids(candidates.rank(NO_GENRES, ONLY('content'), 10, new Set()))).toEqual(['tt1004', 'tt1001', 'tt1002', 'tt1003']);
    expect(ids(candidates.rank(NO_GENRES, ONLY('popularity'), 2, new Set()))).toEqual(['tt1002', 'tt1001']);
  });

  it('lets the viewer’s genres lead when nothing else is known', () => {
    const profile = { genreAffinity: new Map([['Sci-Fi', 1], ['Drama', 0.2], ['Comedy', -0.5]]) };
    expect(ids(pool().rank(profile, FOR_YOU_WEIGHTS, 10, new Set()))).toEqual(['tt1001', 'tt1003', 'tt1004', 'tt1002']);
  });

  it('never ranks an excluded title, and damps only titles already in the pool', () => {
    const candidates = pool();
    candidates.addDamping('tt1001', 5);
    candidates.addDamping('tt1099', 5);
    expect(ids(candidates.rank(NO_GENRES, FOR_YOU_WEIGHTS, 10, new Set(['tt1002'])))).toEqual(['tt1004', 'tt1003', 'tt1001']);
  });

  it('asks for the titles only co-watching named, and ranks them once resolved', () => {
    const candidates = new CandidatePool();
    candidates.addCoWatch('tt1003', 1);
    candidates.addTrending('tt1004', 1);
    candidates.consider(a);
    expect(candidates.unresolvedIds()).toEqual(['tt1003', 'tt1004']);
    expect(ids(candidates.rank(NO_GENRES, FOR_YOU_WEIGHTS, 10, new Set()))).toEqual(['tt1001']);
    candidates.resolve([c, d]);
    expect(ids(candidates.rank(NO_GENRES, FOR_YOU_WEIGHTS, 10, new Set()))).toEqual(['tt1003', 'tt1004', 'tt1001']);
  });
});

describe('contentSimilarity', () => {
  it('is the share of genres in common, damped by distance in years', () => {
    expect(contentSimilarity(title(1, ['Sci-Fi', 'Drama']), title(2, ['Sci-Fi', 'Drama']))).toBe(1);
    expect(contentSimilarity(title(1, ['Sci-Fi', 'Drama']), title(2, ['Sci-Fi']))).toBe(0.5);
    expect(contentSimilarity(title(1, ['Sci-Fi'], 0.5, 2000), title(2, ['Sci-Fi'], 0.5, 2015))).toBe(0.5);
    expect(contentSimilarity(title(1, ['Sci-Fi']), title(2, ['Comedy']))).toBe(0);
  });
});
