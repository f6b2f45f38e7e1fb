import curated from '../src/catalog/data/curated-titles.json';
import { curatedEpisodes } from '../src/series/series-seed';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

/** What the curated series data says a title is: a film, or a series with these seasons. */
function kindOf(titleId: string): { kind: 'film' } | { kind: 'series'; seasons: { number: number; episodeCount: number }[] } {
  const seasons: { number: number; episodeCount: number }[] = [];
  for (const episode of curatedEpisodes().filter((candidate) => candidate.titleId === titleId)) {
    const season = seasons.find((candidate) => candidate.number === episode.season);
    if (season) season.episodeCount++;
    else seasons.push({ number: episode.season, episodeCount: 1 });
  }
  return seasons.length > 0 ? { kind: 'series', seasons } : { kind: 'film' };
}

describe('Title API and artwork', () => {
  let t: TestApp;
  let viewer: Viewer;
  const ids = new Set(curated.map((title) => title.id));

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await signUpViewer(t);
  });

  afterAll(() => t.close());

  it('opens every title with details, real streams and similar ids that exist', async () => {
    for (const entry of curated) {
      const details = (await t.http.get(`/titles/${entry.id}`).set(viewer.auth).expect(200)).body;
      expect(details).toEqual({
        id: entry.id,
        name: entry.name,
        synopsis: entry.synopsis,
        images: {
          poster: expect.stringContaining(`/images/${entry.id}/poster.svg`),
          backdrop: expect.stringContaining(`/images/${entry.id}/backdrop.svg`),
        },
        streams: expect.arrayContaining([expect.objectContaining({ profile: expect.any(String), drm: expect.stringMatching(/^(none|aes-128|clearkey)$/) })]),
        similar: expect.any(Array),
        similarTitles: expect.any(Array),
        year: entry.year,
        genres: entry.genres,
        maturityRating: entry.maturityRating,
        runtimeMinutes: entry.runtimeMinutes,
        cast: entry.cast,
        director: entry.director,
        ...kindOf(entry.id),
      });
      expect(details.cast.length).toBeGreaterThanOrEqual(3);
      expect(details.streams.length).toBeGreaterThanOrEqual(3);
      expect(details.similar.length).toBeGreaterThan(0);
      expect(details.similar).not.toContain(entry.id);
      for (const id of details.similar) expect(ids.has(id)).toBe(true);
      expect(details.similarTitles.map((card: { id: string }) => card.id)).toEqual(details.similar);
    }
  });

  it('ranks similar titles by shared genres first', async () => {
    const source = curated.find((title) => title.genres.length >= 2) ?? curated[0];
    const details = (await t.http.get(`/titles/${source.id}`).set(viewer.auth).expect(200)).body;
    const shared = (id: string) => (curated.find((title) => title.id === id)?.genres ?? []).filter((genre) => source.genres.includes(genre)).length;
    const overlaps = details.similar.map(shared);
    expect(overlaps).toEqual([...overlaps].sort((a, b) => b - a));
    expect(overlaps[0]).toBeGreaterThan(0);
  });

  it('answers an unknown title with 404', async () => {
    const response = await t.http.get('/titles/tt9999').set(viewer.auth).expect(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'Title tt9999 does not exist' });
    await t.http.get('/titles/..%2F..%2Fetc').set(viewer.auth).expect(404);
  });

  it('serves each title its own public poster and backdrop, cacheable for long, with ETag revalidation', async () => {
    const poster = await t.http.get('/images/tt1000/poster.svg').expect(200);
    expect(poster.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(poster.headers['cache-control']).toMatch(/public, max-age=31536000/);
    expect(poster.headers['x-content-type-options']).toBe('nosniff');
    const body = poster.text || poster.body.toString();
    expect(body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const other = await t.http.get('/images/tt1001/poster.svg').expect(200);
    expect(other.text || other.body.toString()).not.toEqual(body);
    await t.http.get('/images/tt1000/poster.svg').set('If-None-Match', poster.headers['etag']).expect(304);
    const backdrop = await t.http.get('/images/tt1000/backdrop.svg').expect(200);
    expect(backdrop.text || backdrop.body.toString()).toMatch(/viewBox="0 0 1280 720"/);
  });

  it('answers artwork of an unknown title with 404', async () => {
    await t.http.get('/images/tt9999/poster.svg').expect(404);
    await t.http.get('/images/tt1000/other.svg').expect(404);
  });

  it('requires a bearer token for details', async () => {
    await t.http.get('/titles/tt1000').expect(401);
  });
});
