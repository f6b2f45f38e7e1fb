import { Rating } from '../account/rating';
import { Title } from '../catalog/title';
import { buildTasteProfile, genreMatch, knowsNothing } from './taste-profile';
import { ViewerSignals, WatchedTitle } from './viewer-signals';
import { aTitle } from '../../test/support/title-builder';

const NOW = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;


function watched(entry: Title, progress: number, daysAgo = 0): WatchedTitle {
  return { title: entry, progress, completed: progress >= 0.95, updatedAt: NOW - daysAgo * DAY };
}

function signals(partial: Partial<ViewerSignals>): ViewerSignals {
  return { history: [], ratings: [], myList: [], ...partial };
}

const sciFi = aTitle(1, { genres: ['Sci-Fi'] });
const sciFiThriller = aTitle(2, { genres: ['Sci-Fi', 'Thriller'] });
const comedy = aTitle(3, { genres: ['Comedy'] });
const drama = aTitle(4, { genres: ['Drama'] });
const horror = aTitle(5, { genres: ['Horror', 'Thriller'] });

describe('buildTasteProfile', () => {
  it('weighs a completion over a sample, recent viewing over old, love over up', () => {
    const weightOf = (profile: ReturnType<typeof buildTasteProfile>, id: string) => profile.seeds.find((seed) => seed.title.id === id)?.weight ?? 0;
    const viewing = buildTasteProfile(signals({ history: [watched(sciFi, 1), watched(comedy, 0.05), watched(drama, 1, 90)] }), NOW);
    expect(viewing.seeds.map((seed) => seed.title.id)).toEqual(['tt1001', 'tt1004', 'tt1003']);
    expect(weightOf(viewing, 'tt1001')).toBeGreaterThan(3 * weightOf(viewing, 'tt1003'));
    const rated = buildTasteProfile(signals({ ratings: [{ title: comedy, rating: Rating.Up }, { title: drama, rating: Rating.Love }] }), NOW);
    expect(rated.seeds.map((seed) => seed.title.id)).toEqual(['tt1004', 'tt1003']);
  });

  it('counts My List as a mild signal', () => {
    const profile = buildTasteProfile(signals({ myList: [comedy], history: [watched(sciFi, 1)] }), NOW);
    expect(profile.seeds.map((seed) => [seed.title.id, seed.weight])).toEqual([
      ['tt1001', 1],
      ['tt1003', 0.4],
    ]);
  });

  it('makes the genres of liked titles the favourites, with the best at 1', () => {
    const profile = buildTasteProfile(signals({ history: [watched(sciFi, 1), watched(sciFiThriller, 1), watched(comedy, 0.1)] }), NOW);
    expect(profile.genreAffinity.get('Sci-Fi')).toBe(1);
    expect(profile.genreAffinity.get('Thriller')).toBeLessThan(0.5);
    expect(profile.genreAffinity.get('Comedy')).toBeLessThan(profile.genreAffinity.get('Thriller') as number);
    expect(genreMatch(profile, sciFi)).toBe(1);
    expect(genreMatch(profile, drama)).toBe(0);
  });

  it('drops a thumbs-down title from the seeds, holds it against its genres and excludes it', () => {
    const profile = buildTasteProfile(
      signals({ history: [watched(horror, 1), watched(sciFi, 1)], ratings: [{ title: horror, rating: Rating.Down }], myList: [horror] }),
      NOW,
    );
    expect(profile.seeds.map((seed) => seed.title.id)).toEqual(['tt1001']);
    expect(profile.disliked).toEqual([horror]);
    expect(profile.genreAffinity.get('Horror')).toBeLessThan(0);
    expect(profile.excludedIds.has('tt1005')).toBe(true);
    expect(profile.becauseSources).toEqual([sciFi]);
  });

  it('excludes finished, started and rated titles from recommendations, not those saved for later', () => {
    const profile = buildTasteProfile(
      signals({ history: [watched(sciFi, 0.3), watched(comedy, 1)], ratings: [{ title: horror, rating: Rating.Love }], myList: [drama] }),
      NOW,
    );
    expect([...profile.excludedIds].sort()).toEqual(['tt1001', 'tt1003', 'tt1005']);
  });

  it('picks the most recent watched title, then the best loved other one, for "Because you watched"', () => {
    const history = [watched(comedy, 0.5), watched(sciFi, 1, 1), watched(drama, 1, 2)];
    expect(buildTasteProfile(signals({ history, ratings: [{ title: drama, rating: Rating.Love }] }), NOW).becauseSources).toEqual([comedy, drama]);
    expect(buildTasteProfile(signals({ history }), NOW).becauseSources).toEqual([comedy, sciFi]);
    expect(buildTasteProfile(signals({ history: [watched(comedy, 0.5)] }), NOW).becauseSources).toEqual([comedy]);
    expect(buildTasteProfile(signals({ ratings: [{ title: drama, rating: Rating.Love }] }), NOW).becauseSources).toEqual([]);
  });

  it('is empty for a viewer who has told us nothing', () => {
    const profile = buildTasteProfile(signals({}), NOW);
    expect(profile.seeds).toEqual([]);
    expect(profile.genreAffinity.size).toBe(0);
    expect(profile.becauseSources).toEqual([]);
    expect(knowsNothing(profile)).toBe(true);
    expect(knowsNothing(buildTasteProfile(signals({ ratings: [{ title: horror, rating: Rating.Down }] }), NOW))).toBe(false);
  });
});
