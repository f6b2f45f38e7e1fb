import { setTimeout as sleep } from 'node:timers/promises';
import { postgresServerUnavailable } from '../support/postgres-server';
import { createTestApp, signUpViewer, TestApp, Viewer } from '../support/test-app';
import { throwawayPostgresUnavailable, ThrowawayPostgres } from '../support/throwaway-postgres';

const unavailable = throwawayPostgresUnavailable() ?? postgresServerUnavailable();

/** Every answer during the outage must come quickly: a 503 the client can act on, never a hang. */
const ANSWER_WITHIN_MS = 8_000;

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

(unavailable ? describe.skip : describe)(`PostgreSQL outage${unavailable ? ` (not run: ${unavailable})` : ''}`, () => {
  let database: ThrowawayPostgres;
  let t: TestApp;
  let viewer: Viewer;

  beforeAll(async () => {
    database = await ThrowawayPostgres.create();
    t = await createTestApp({}, { fixture: { name: 'postgres', env: { STORE: 'postgres', DATABASE_URL: database.url, DATABASE_POOL_SIZE: '4' }, close: async () => undefined } });
    viewer = await signUpViewer(t);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await database?.destroy();
  });

  it('answers 503 with Retry-After while the database is down, keeps serving what needs no database, and recovers by itself losing nothing acknowledged', async () => {
    await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1001' }).expect(200);
    await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1001', position: 12 }).expect(204);
    await t.http.put('/me/list/tt1002').set(viewer.auth).expect(204);

    await database.stop();

    const health = await timed(t.http.get('/health'));
    expect(health.value.status).toBe(503);
    expect(health.value.headers['retry-after']).toBe('5');
    expect(health.value.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.stringMatching(/^Not ready: the database is unavailable \(.+\)$/) });
    expect(health.ms).toBeLessThan(ANSWER_WITHIN_MS);

    const needsDatabase = [
      () => t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1001', position: 20 }),
      () => t.http.get('/me/list').set(viewer.auth),
      () => t.http.get('/me/continue-watching').set(viewer.auth),
      () => t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }),
      () => t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }),
    ];
    for (const request of needsDatabase) {
      const { value: response, ms } = await timed(request());
      expect({ status: response.status, retryAfter: response.headers['retry-after'], body: response.body }).toEqual({
        status: 503,
        retryAfter: '5',
        body: { statusCode: 503, error: 'Service Unavailable', message: 'The database is unavailable; try again in a few seconds' },
      });
      expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
    // The catalog is an in-process read model, and this viewer's login is cached: browsing goes on.
    await t.http.get('/catalog?limit=5').set(viewer.auth).expect(200);
    await t.http.get('/titles/tt1003').set(viewer.auth).expect(200);

    await database.start();

    let ready = 0;
    for (const started = Date.now(); Date.now() - started < 30_000; await sleep(250)) {
      ready = (await t.http.get('/health')).status;
      if (ready === 200) break;
    }
    expect(ready).toBe(200);
    await t.http.post('/play/heartbeat').set(viewer.auth).send({ titleId: 'tt1001', position: 30 }).expect(204);
    const continueWatching = await t.http.get('/me/continue-watching').set(viewer.auth).expect(200);
    expect(continueWatching.body.items.map((item: { title: { id: string }; position: number }) => [item.title.id, item.position])).toEqual([['tt1001', 30]]);
    expect((await t.http.get('/me/list').set(viewer.auth).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual(['tt1002']);
    await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
  }, 120_000);
});
