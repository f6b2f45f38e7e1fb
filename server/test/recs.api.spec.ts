import { buildCatalog } from '../src/catalog/catalog-seed';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';
import { Summary } from './support/title-summary';

interface Row {
  id: string;
  title: string;
  items: Summary[];
}

const DAY_SECONDS = 86_400;
const SCI_FI = ['tt1001', 'tt1010', 'tt1042', 'tt1055'];
/** The curated catalog, most popular first: what fills Trending Now when few titles were played. */
const EDITORIAL = buildCatalog(100)
  .sort((a, b) => b.popularity - a.popularity || a.ordinal - b.ordinal)
  .map((title) => title.id);

const ids = (items: Summary[]) => items.map((item) => item.id);

describe('Recommendations API', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });

  afterEach(() => t.close());

  /** Plays a title and reports having watched `share` of it (1 = to the end, which completes it). */
  async function watch(viewer: Viewer, titleId: string, share = 1): Promise<void> {
    const { duration } = (await t.http.post('/play/start').set(viewer.auth).send({ titleId }).expect(200)).body;
    await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId, position: duration * share }).expect(204);
  }

  async function play(viewer: Viewer, titleId: string): Promise<void> {
    await t.http.post('/play/start').set(viewer.auth).send({ titleId }).expect(200);
  }

  async function rate(viewer: Viewer, titleId: string, rating: 'down' | 'up' | 'love'): Promise<void> {
    await t.http.put(`/me/ratings/${titleId}`).set(viewer.auth).send({ rating }).expect(204);
  }

  async function forYou(viewer: Viewer, limit?: number): Promise<Summary[]> {
    return (await t.http.get('/recs/for-you').query(limit ? { limit } : {}).set(viewer.auth).expect(200)).body.items;
  }

  async function home(viewer: Viewer): Promise<Row[]> {
    return (await t.http.get('/recs/home').set(viewer.auth).expect(200)).body.rows;
  }

  async function trending(viewer: Viewer): Promise<Summary[]> {
    return (await t.http.get('/recs/trending').set(viewer.auth).expect(200)).body.items;
  }

  async function because(viewer: Viewer, titleId: string): Promise<Summary[]> {
    return (await t.http.get(`/recs/because/${titleId}`).set(viewer.auth).expect(200)).body.items;
  }

  /** Other viewers who like comedies, and one who also watched a Sci-Fi title. */
  async function comedyCrowd(): Promise<void> {
    for (let index = 0; index < 3; index++) {
      const fan = await signUpViewer(t);
      for (const titleId of ['tt1002', 'tt1007', 'tt1041', 'tt1049']) await watch(fan, titleId);
    }
    const crossover = await signUpViewer(t);
    for (const titleId of ['tt1001', 'tt1002', 'tt1007']) await watch(crossover, titleId);
  }

  describe('GET /recs/for-you', () => {
    it('puts Sci-Fi first for a viewer who finished and loved Sci-Fi, and never a title they finished', async () => {
      await comedyCrowd();
      const viewer = await signUpViewer(t);
      for (const titleId of SCI_FI) {
        await watch(viewer, titleId);
        await rate(viewer, titleId, 'love');
      }
      await watch(viewer, 'tt1041', 0.05);
      const items = await forYou(viewer);
      expect(items).toHaveLength(20);
      const topFive = items.slice(0, 5);
      expect(topFive[0].genres).toContain('Sci-Fi');
      expect(topFive.filter((item) => item.genres.includes('Sci-Fi')).length).toBeGreaterThanOrEqual(3);
      expect(ids(items)).not.toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${SCI_FI.join('|')}|tt1041)$`))]));
    });

    it('gives a brand-new viewer the week’s trending titles, then editorial popularity', async () => {
      const viewer = await signUpViewer(t);
      expect(ids(await forYou(viewer))).toEqual(EDITORIAL.slice(0, 20));
      const other = await signUpViewer(t);
      await play(other, 'tt1090');
      expect(ids(await forYou(viewer, 5))).toEqual(['tt1090', ...EDITORIAL.filter((id) => id !== 'tt1090').slice(0, 4)]);
    });

    it('honours limit and refuses a bad one with 400', async () => {
      const viewer = await signUpViewer(t);
      expect(await forYou(viewer, 50)).toHaveLength(50);
      expect(await forYou(viewer, 1)).toHaveLength(1);
      for (const limit of ['0', '51', 'ten', '2.5', '-1']) {
        const response = await t.http.get('/recs/for-you').query({ limit }).set(viewer.auth).expect(400);
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/limit/) });
      }
      await t.http.get('/recs/for-you').query({ count: 5 }).set(viewer.auth).expect(400);
    });
  });

  describe('thumbs-down', () => {
    it('takes a title out of for-you, out of every home row and out of trending', async () => {
      const others = [await signUpViewer(t), await signUpViewer(t)];
      for (const other of others) {
        await watch(other, 'tt1020');
        await watch(other, 'tt1042');
      }
      const viewer = await signUpViewer(t);
      await watch(viewer, 'tt1001');
      await watch(viewer, 'tt1020', 0.4);
      await t.http.put('/me/list/tt1020').set(viewer.auth).expect(204);
      const rowsWith = (rows: Row[], titleId: string) => rows.filter((row) => ids(row.items).includes(titleId)).map((row) => row.id);
      expect(rowsWith(await home(viewer), 'tt1020')).toEqual(['continue-watching', 'my-list']);
      expect(ids(await trending(viewer))).toContain('tt1020');
      expect(ids(await forYou(viewer, 50))).toContain('tt1042');

      await rate(viewer, 'tt1042', 'down');
      await rate(viewer, 'tt1020', 'down');
      const rows = await home(viewer);
      expect(rows.length).toBeGreaterThan(3);
      for (const titleId of ['tt1020', 'tt1042']) {
        expect(rowsWith(rows, titleId)).toEqual([]);
        expect(ids(await forYou(viewer, 50))).not.toContain(titleId);
        expect(ids(await trending(viewer))).not.toContain(titleId);
        expect(ids(await because(viewer, 'tt1001'))).not.toContain(titleId);
      }
    });
  });

  describe('GET /recs/because/:titleId', () => {
    it('lets viewers with overlapping history shape each other’s picks: co-watched titles lead', async () => {
      const [a, b] = [await signUpViewer(t), await signUpViewer(t)];
      // Under a Borrowed Sky (Drama) has nothing in common by content with either documentary.
      await watch(a, 'tt1035');
      await watch(a, 'tt1009');
      await watch(b, 'tt1035');
      await watch(b, 'tt1027');
      expect(ids(await because(b, 'tt1035'))[0]).toBe('tt1009');
      expect(ids(await because(a, 'tt1035'))[0]).toBe('tt1027');
      const response = (await t.http.get('/recs/because/tt1035').set(b.auth).expect(200)).body;
      expect(response.source).toEqual({ id: 'tt1035', name: 'Under a Borrowed Sky', posterUrl: expect.any(String), year: 2006, genres: ['Drama'] });
      expect(response.items).toHaveLength(20);
    });

    it('without co-watching, gives titles like the source, never the source itself', async () => {
      const viewer = await signUpViewer(t);
      const items = await because(viewer, 'tt1001');
      expect(ids(items)).not.toContain('tt1001');
      expect(items[0].genres).toEqual(expect.arrayContaining(['Sci-Fi', 'Thriller']));
    });

    it('answers 404 for an unknown title', async () => {
      const viewer = await signUpViewer(t);
      const response = await t.http.get('/recs/because/tt9999').set(viewer.auth).expect(404);
      expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringMatching(/tt9999/) });
      await t.http.get('/recs/because/nonsense').set(viewer.auth).expect(404);
    });
  });

  describe('GET /recs/trending', () => {
    it('ranks by how many viewers played each title recently, fills with editorial picks, and forgets plays older than 7 days', async () => {
      const viewers = [await signUpViewer(t), await signUpViewer(t), await signUpViewer(t)];
      for (const viewer of viewers) await play(viewer, 'tt1050');
      for (const viewer of viewers.slice(0, 2)) await play(viewer, 'tt1060');
      for (let replay = 0; replay < 5; replay++) await play(viewers[0], 'tt1070');
      const newcomer = await signUpViewer(t);
      const played = ['tt1050', 'tt1060', 'tt1070'];
      const expected = [...played, ...EDITORIAL.filter((id) => !played.includes(id)).slice(0, 17)];
      expect(ids(await trending(newcomer))).toEqual(expected);
      expect(ids(await forYou(newcomer))).toEqual(expected);
      expect((await home(newcomer)).find((row) => row.id === 'trending')?.items.map((item) => item.id)).toEqual(expected);

      t.clock.advance(6 * DAY_SECONDS);
      expect(ids(await trending(newcomer)).slice(0, 3)).toEqual(played);
      t.clock.advance(DAY_SECONDS + 3600);
      await play(viewers[1], 'tt1080');
      expect(ids(await trending(newcomer))).toEqual(['tt1080', ...EDITORIAL.filter((id) => id !== 'tt1080').slice(0, 19)]);
    });
  });

  describe('GET /recs/home', () => {
    async function busyViewer(): Promise<Viewer> {
      await comedyCrowd();
      const viewer = await signUpViewer(t);
      for (const titleId of SCI_FI) {
        t.clock.advance(60);
        await watch(viewer, titleId);
      }
      await rate(viewer, 'tt1010', 'love');
      t.clock.advance(60);
      await watch(viewer, 'tt1067', 0.3);
      await t.http.put('/me/list/tt1099').set(viewer.auth).expect(204);
      await t.http.put('/me/list/tt1067').set(viewer.auth).expect(204);
      return viewer;
    }

    it('has the contract’s rows in order, each with a reason, at most 20 titles, no title in more than 2 rows', async () => {
      const viewer = await busyViewer();
      const rows = await home(viewer);
      const rowIds = rows.map((row) => row.id);
      expect(rowIds.slice(0, 6)).toEqual(['continue-watching', 'my-list', 'trending', 'because-tt1067', 'because-tt1010', 'top-picks']);
      expect(rowIds.slice(6)).toHaveLength(6);
      for (const id of rowIds.slice(6)) expect(id).toMatch(/^genre-[a-z-]+$/);
      expect(rows.map((row) => row.title).slice(0, 6)).toEqual([
        'Continue Watching',
        'My List',
        'Trending Now',
        'Because you watched Gravity\'s Widow',
        'Because you watched Halcyon Drift',
        'Top picks for you',
      ]);
      // The viewer's own genres lead the genre rows (a favourite may be left out when earlier rows used up its titles).
      expect(['genre-sci-fi', 'genre-thriller', 'genre-drama', 'genre-horror']).toContain(rowIds[6]);
      expect(ids(rows[0].items)).toEqual(['tt1067']);
      expect(ids(rows[1].items)).toEqual(['tt1067', 'tt1099']);

      const appearances = new Map<string, number>();
      for (const row of rows) {
        expect(row.items.length).toBeGreaterThan(0);
        expect(row.items.length).toBeLessThanOrEqual(20);
        expect(new Set(ids(row.items)).size).toBe(row.items.length);
        for (const id of ids(row.items)) appearances.set(id, (appearances.get(id) ?? 0) + 1);
      }
      expect(Math.max(...appearances.values())).toBeLessThanOrEqual(2);
      const personal = rows.filter((row) => !['continue-watching', 'my-list', 'trending'].includes(row.id));
      for (const row of personal) expect(ids(row.items)).not.toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${SCI_FI.join('|')})$`))]));
    });

    it('gives a new viewer Trending Now, Top picks and genre rows by editorial order', async () => {
      const viewer = await signUpViewer(t);
      const rows = await home(viewer);
      expect(rows.map((row) => row.id)).toEqual(['trending', 'top-picks', 'genre-drama', 'genre-comedy', 'genre-thriller', 'genre-adventure', 'genre-crime', 'genre-sci-fi']);
      expect(ids(rows[0].items)).toEqual(EDITORIAL.slice(0, 20));
      expect(ids(rows[1].items)).toEqual(EDITORIAL.slice(20, 40));
    });

    it('orders genre rows by the viewer’s affinity, then by editorial order', async () => {
      const viewer = await signUpViewer(t);
      await t.http.put('/me/list/tt1009').set(viewer.auth).expect(204);
      const rows = await home(viewer);
      expect(rows.map((row) => row.id)).toEqual(['my-list', 'trending', 'top-picks', 'genre-documentary', 'genre-drama', 'genre-comedy', 'genre-thriller', 'genre-adventure', 'genre-crime']);
      expect(rows[3].title).toBe('Documentary');
      for (const item of rows[3].items) expect(item.genres).toContain('Documentary');
    });

    it('gives the same rows for the same state, call after call and app after app', async () => {
      const viewer = await busyViewer();
      const first = await home(viewer);
      expect(await home(viewer)).toEqual(first);
      expect(await forYou(viewer)).toEqual(await forYou(viewer));
      await t.close();

      t = await createTestApp();
      const again = await busyViewer();
      expect(await home(again)).toEqual(first);
    });
  });

  it('requires a bearer token on every route', async () => {
    for (const path of ['/recs/home', '/recs/for-you', '/recs/because/tt1000', '/recs/trending']) {
      const response = await t.http.get(path).expect(401);
      expect(response.body.statusCode).toBe(401);
    }
  });

  it('documents every route with its operation id and response type', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    const operations: [string, string, string][] = [
      ['/recs/home', 'getHome', 'HomePageDto'],
      ['/recs/for-you', 'getForYou', 'RecommendationListDto'],
      ['/recs/because/{titleId}', 'getBecauseYouWatched', 'BecauseYouWatchedDto'],
      ['/recs/trending', 'getTrending', 'RecommendationListDto'],
    ];
    for (const [path, operationId, schema] of operations) {
      const operation = doc.paths[path].get;
      expect(operation.operationId).toBe(operationId);
      expect(operation.security).toEqual([{ bearer: [] }]);
      expect(operation.responses['200'].content['application/json'].schema.$ref).toBe(`#/components/schemas/${schema}`);
    }
    expect(doc.components.schemas.RecRowDto.required).toEqual(['id', 'title', 'items']);
  });
});
