import { Title } from '../catalog/title';
import { CandidatePool, FOR_YOU_WEIGHTS, ScoreWeights } from './candidate-pool';
import { contentSimilarity } from './content-similarity';
import { aTitle } from '../../test/support/title-builder';


const NO_GENRES = { genreAffinity: new Map<string, number>() };
const ONLY: (key: keyof ScoreWeights) => ScoreWeights = (key) => ({ coWatch: 0, content: 0, genre: 0, trending: 0, popularity: 0, damping: 0, [key]: 1 });

describe('CandidatePool', () => {
  const [a, b, c, d] = [aTitle(1, { genres: ['Sci-Fi'] }), aTitle(2, { genres: ['Comedy'], popularity: 0.9 }), aTitle(3, { genres: ['Sci-Fi', 'Drama'], popularity: 0.1 }), aTitle(4, { genres: ['Drama'] })];

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
    expect(contentSimilarity(aTitle(1, { genres: ['Sci-Fi', 'Drama'] }), aTitle(2, { genres: ['Sci-Fi', 'Drama'] }))).toBe(1);
    expect(contentSimilarity(aTitle(1, { genres: ['Sci-Fi', 'Drama'] }), aTitle(2, { genres: ['Sci-Fi'] }))).toBe(0.5);
    expect(contentSimilarity(aTitle(1, { genres: ['Sci-Fi'], popularity: 0.5, year: 2000 }), aTitle(2, { genres: ['Sci-Fi'], popularity: 0.5, year: 2015 }))).toBe(0.5);
    expect(contentSimilarity(aTitle(1, { genres: ['Sci-Fi'] }), aTitle(2, { genres: ['Comedy'] }))).toBe(0);
  });
});
