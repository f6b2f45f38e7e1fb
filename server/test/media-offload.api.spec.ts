import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

/** With MEDIA_ACCEL_REDIRECT the API checks every stream request and leaves the bytes to the proxy in front (nginx). */
describe('Stream files handed to the proxy (X-Accel-Redirect)', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestApp({ MEDIA_ACCEL_REDIRECT: '/_media/' });
    viewer = await signUpViewer(t);
  });

  afterAll(() => t.close());

  async function token(titleId = 'tt1000'): Promise<string> {
    const { hlsUrl } = (await t.http.post('/play/start').set(viewer.auth).send({ titleId }).expect(200)).body as { hlsUrl: string };
    return new URL(hlsUrl).pathname.split('/')[2];
  }

  it('answers an authorised file with its internal location, its type and caching, and no body of its own', async () => {
    const response = await t.http.get(`/stream/${await token()}/master.m3u8`).buffer(true).expect(200);
    expect(response.headers['x-accel-redirect']).toBe('/_media/programmes/prog-01/master.m3u8');
    expect(response.headers['content-type']).toBe('application/vnd.apple.mpegurl');
    expect(response.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(response.text ?? '').toBe('');
    const key = await t.http.get(`/stream/${await token()}/key.bin`).expect(200);
    expect(key.headers['x-accel-redirect']).toBe('/_media/programmes/prog-01/key.bin');
    expect(key.headers['cache-control']).toBe('no-store');
  });

  it('still refuses a forged, expired or escaping request, and says 404 in JSON for a missing file', async () => {
    const valid = await token();
    const forged = valid.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const refused = await t.http.get(`/stream/${forged}/master.m3u8`).expect(403);
    expect(refused.headers['x-accel-redirect']).toBeUndefined();
    await t.http.get(`/stream/${valid}/..%2f..%2fsecrets.json`).expect((response) => expect([403, 404]).toContain(response.status));
    const missing = await t.http.get(`/stream/${valid}/360p/no_such_segment.ts`).expect(404);
    expect(missing.headers['x-accel-redirect']).toBeUndefined();
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No such stream file' });
    t.clock.advance(t.config.streamTokenTtlSeconds + 1);
    const expired = await t.http.get(`/stream/${valid}/master.m3u8`).expect(403);
    expect(expired.headers['x-accel-redirect']).toBeUndefined();
  });
});
