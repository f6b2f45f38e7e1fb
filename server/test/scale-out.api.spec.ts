import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, postgresServerUnavailable, TestDatabase } from './support/postgres-server';
import { redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from './support/redis-server';
import { createTestApp, TestApp } from './support/test-app';

const skipped = postgresServerUnavailable() ?? redisUnavailable();

/**
 * Two instances of the API on one PostgreSQL server and one Redis, as the cluster runs them: a
 * viewer's requests may land on either. (The real processes behind nginx are tested in
 * server/test/cluster/.)
 */
(skipped ? describe.skip : describe)(`Two instances sharing PostgreSQL and Redis${skipped ? ` (not run: ${skipped})` : ''}`, () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    const shared = {
      STORE: 'postgres',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: uniqueRedisPrefix(),
      INSTANCES: '2',
      STREAM_SECRET: 'shared-stream-secret-shared-stream-secret',
      CURSOR_SECRET: 'shared-cursor-secret-shared-cursor-secret',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
    };
    const fixture = { name: 'postgres' as const, env: shared, close: async () => undefined };
    a = await createTestApp({ INSTANCE_ID: 'a' }, { fixture });
    b = await createTestApp({ INSTANCE_ID: 'b' }, { fixture });
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('serves one viewer hopping between instances as one: sign up on A, refresh on B, watch on A, resume on B', async () => {
    const signup = await a.http.post('/auth/signup').send({ email: 'hopper@example.com', password: 'long enough password', name: 'Hopper' }).expect(201);
    const pair = (await b.http.post('/auth/refresh').send({ refreshToken: signup.body.refreshToken }).expect(200)).body as { jwt: string; refreshToken: string };
    const auth = { Authorization: `Bearer ${pair.jwt}` };
    await a.http.post('/play/start').set(auth).send({ titleId: 'tt1005' }).expect(200);
    await a.http.post('/play/heartbeat').set(auth).send({ titleId: 'tt1005', position: 17 }).expect(204);
    const resume = await b.http.get('/me/continue-watching').set(auth).expect(200);
    expect(resume.body.items.map((item: { title: { id: string }; position: number }) => [item.title.id, item.position])).toEqual([['tt1005', 17]]);
    // A cursor made by one instance pages on the other (shared secrets).
    const first = await a.http.get('/catalog?limit=5').set(auth).expect(200);
    await b.http.get(`/catalog?limit=5&cursor=${first.body.cursor}`).set(auth).expect(200);
    // The used refresh token comes back on A, past the grace period: the login ends everywhere.
    a.clock.advance(a.config.refreshGraceSeconds);
    await a.http.post('/auth/refresh').send({ refreshToken: signup.body.refreshToken }).expect(401);
    await b.http.get('/me').set(auth).expect(401);
  });

  it('refuses an old access token on A the moment signing out everywhere on B has answered', async () => {
    const signup = await a.http.post('/auth/signup').send({ email: 'leaver@example.com', password: 'long enough password', name: 'Leaver' }).expect(201);
    const auth = { Authorization: `Bearer ${signup.body.jwt}` };
    // A remembers the login now: only news from B can make it forget.
    await a.http.get('/me').set(auth).expect(200);
    await a.http.get('/me').set(auth).expect(200);
    await b.http.delete('/me/sessions').set(auth).expect(204);
    await a.http.get('/me').set(auth).expect(401);
  });

  it('ends other logins on A at once when the password changes on B', async () => {
    const signup = await a.http.post('/auth/signup').send({ email: 'changer@example.com', password: 'long enough password', name: 'Changer' }).expect(201);
    const other = await a.http.post('/auth/login').send({ email: 'changer@example.com', password: 'long enough password' }).expect(200);
    const otherAuth = { Authorization: `Bearer ${other.body.jwt}` };
    await a.http.get('/me').set(otherAuth).expect(200);
    await b.http.post('/me/password').set({ Authorization: `Bearer ${signup.body.jwt}` }).send({ currentPassword: 'long enough password', newPassword: 'a brand new password' }).expect(204);
    await a.http.get('/me').set(otherAuth).expect(401);
    await a.http.get('/me').set({ Authorization: `Bearer ${signup.body.jwt}` }).expect(200);
  });

  it('pauses an account after five failed sign-ins spread over both instances', async () => {
    await a.http.post('/auth/signup').send({ email: 'target@example.com', password: 'long enough password', name: 'Target' }).expect(201);
    const statuses: number[] = [];
    for (const instance of [a, b, a, b, a, b]) {
      statuses.push((await instance.http.post('/auth/login').send({ email: 'target@example.com', password: 'wrong password!' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await a.http.post('/auth/login').send({ email: 'target@example.com', password: 'long enough password' });
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("keeps each instance's trending fresh with plays made on the other", async () => {
    const viewers: string[] = [];
    for (let index = 0; index < 3; index++) {
      viewers.push((await b.http.post('/auth/signup').send({ email: `fan${index}@example.com`, password: 'long enough password', name: `Fan ${index}` }).expect(201)).body.jwt as string);
    }
    for (const jwt of viewers) await b.http.post('/play/start').set({ Authorization: `Bearer ${jwt}` }).send({ titleId: 'tt1077' }).expect(200);
    const onA = async () => ((await a.http.get('/recs/trending').set({ Authorization: `Bearer ${viewers[0]}` }).expect(200)).body.items as { id: string }[]).map((item) => item.id);
    let trending = await onA();
    for (const started = Date.now(); trending[0] !== 'tt1077' && Date.now() - started < 5_000; await sleep(50)) trending = await onA();
    expect(trending[0]).toBe('tt1077');
  });
});
