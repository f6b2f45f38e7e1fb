import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

describe('POST /play/prepare', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeEach(async () => {
    t = await createTestApp();
    viewer = await signUpViewer(t);
  });

  afterEach(() => t.close());

  const prepare = async (titleId: string, who = viewer) => (await t.http.post('/play/prepare').set(who.auth).send({ titleId }).expect(200)).body as { hlsUrl: string; expiresAt: string };

  it('gives a signed master playlist URL that serves at once, and /play/start given it answers the same URL', async () => {
    const prepared = await prepare('tt1000');
    expect(Object.keys(prepared).sort()).toEqual(['expiresAt', 'hlsUrl']);
    await t.http.get(new URL(prepared.hlsUrl).pathname).expect(200);
    t.clock.advance(30);
    const session = (await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1000', preparedUrl: prepared.hlsUrl }).expect(200)).body;
    expect(session.hlsUrl).toBe(prepared.hlsUrl);
    expect(session.expiresAt).toBe(prepared.expiresAt);
  });

  it('is no use to another viewer: their /play/start signs their own link', async () => {
    const prepared = await prepare('tt1000');
    const other = await signUpViewer(t);
    const session = (await t.http.post('/play/start').set(other.auth).send({ titleId: 'tt1000', preparedUrl: prepared.hlsUrl }).expect(200)).body;
    expect(session.hlsUrl).not.toBe(prepared.hlsUrl);
  });

  it('prepares one episode of a series, whose /play/start reuses it, and refuses a series without an episode', async () => {
    const refused = await t.http.post('/play/prepare').set(viewer.auth).send({ titleId: 'tt1003' }).expect(400);
    expect(refused.body.message).toMatch(/episodeId is required/);
    const prepared = (await t.http.post('/play/prepare').set(viewer.auth).send({ titleId: 'tt1003', episodeId: 'tt1003-s1e2' }).expect(200)).body as { hlsUrl: string };
    await t.http.get(new URL(prepared.hlsUrl).pathname).expect(200);
    const other = (await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1003', episodeId: 'tt1003-s1e1', preparedUrl: prepared.hlsUrl }).expect(200)).body;
    expect(other.hlsUrl).not.toBe(prepared.hlsUrl);
    const same = (await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1003', episodeId: 'tt1003-s1e2', preparedUrl: prepared.hlsUrl }).expect(200)).body;
    expect(same.hlsUrl).toBe(prepared.hlsUrl);
  });

  it('refuses what /play/start refuses, and a prepared URL past 2048 characters', async () => {
    await t.http.post('/play/prepare').set(viewer.auth).send({ titleId: 'tt9999' }).expect(404);
    await t.http.post('/play/prepare').set(viewer.auth).send({ titleId: '../etc' }).expect(400);
    await t.http.post('/play/prepare').send({ titleId: 'tt1000' }).expect(401);
    await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1000', preparedUrl: 'x'.repeat(2049) }).expect(400);
  });
});
