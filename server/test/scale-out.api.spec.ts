import Redis from 'ioredis';
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
  const redisPrefix = uniqueRedisPrefix();

  beforeAll(async () => {
    database = await createTestDatabase();
    const shared = {
      STORE: 'postgres',
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: redisPrefix,
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

  /** Brings the clock behind up to the other, as real instances' clocks agree: a heartbeat stamped earlier than the saved one is ignored. */
  function alignClocks(): void {
    const [behind, ahead] = a.clock.now() < b.clock.now() ? [a, b] : [b, a];
    behind.clock.advance((ahead.clock.now() - behind.clock.now()) / 1000);
  }

  async function viewerOn(instance: TestApp, name: string): Promise<{ Authorization: string }> {
    const signup = await instance.http.post('/auth/signup').send({ email: `${name}@example.com`, password: 'long enough password', name }).expect(201);
    return { Authorization: `Bearer ${signup.body.jwt as string}` };
  }

  async function continueWatchingOn(instance: TestApp, auth: { Authorization: string }): Promise<string[] | undefined> {
    const rows = (await instance.http.get('/recs/home').set(auth).expect(200)).body.rows as { id: string; items: { id: string }[] }[];
    return rows.find((row) => row.id === 'continue-watching')?.items.map((item) => item.id);
  }

  it("shows a change made on B on A's kept home page the moment it has answered", async () => {
    alignClocks();
    const auth = await viewerOn(a, 'homebody');
    const myList = async () => ((await a.http.get('/recs/home').set(auth).expect(200)).body.rows as { id: string; items: { id: string }[] }[]).find((row) => row.id === 'my-list');
    expect(await myList()).toBeUndefined();
    await b.http.put('/me/list/tt1005').set(auth).expect(204);
    expect((await myList())?.items.map((item) => item.id)).toEqual(['tt1005']);

    const { duration } = (await b.http.post('/play/start').set(auth).send({ titleId: 'tt1006' }).expect(200)).body as { duration: number };
    expect(await continueWatchingOn(a, auth)).toBeUndefined();
    await b.http.post('/play/heartbeat').set(auth).send({ titleId: 'tt1006', position: duration / 3 }).expect(204);
    expect(await continueWatchingOn(a, auth)).toEqual(['tt1006']);
    await a.http.post('/play/heartbeat').set(auth).send({ titleId: 'tt1006', position: duration }).expect(204);
    expect(await continueWatchingOn(b, auth)).toBeUndefined();
  });

  it('tells the other instance of a title started and completed, never of heartbeats that only move on within it', async () => {
    alignClocks();
    const auth = await viewerOn(b, 'steady');
    const told: string[] = [];
    // MONITOR sees every PUBLISH without subscribing (a subscriber would be waited for to acknowledge).
    const watcher = new Redis(TEST_REDIS_URL);
    const monitor = await watcher.monitor();
    try {
      monitor.on('monitor', (_time: string, args: string[]) => {
        if (args[0]?.toLowerCase() !== 'publish' || args[1] !== `${redisPrefix}invalidations`) return;
        const message = JSON.parse(args[2]) as { topic: string; keys: string[] };
        if (message.topic === 'home') told.push(...message.keys);
      });
      const { duration } = (await a.http.post('/play/start').set(auth).send({ titleId: 'tt1007' }).expect(200)).body as { duration: number };
      const positions = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((share) => share * duration);
      for (const [index, position] of positions.entries()) {
        await (index % 2 === 0 ? a : b).http.post('/play/heartbeat').set(auth).send({ titleId: 'tt1007', position }).expect(204);
      }
      await b.http.post('/play/heartbeat').set(auth).send({ titleId: 'tt1007', position: duration }).expect(204);
      expect(await continueWatchingOn(a, auth)).toBeUndefined();
      // MONITOR reports commands in the order Redis ran them: once the completion is seen, so is all before it.
      for (const started = Date.now(); !told.some((key) => key.endsWith('completed')) && Date.now() - started < 5_000; ) await sleep(20);
      expect(told).toEqual([expect.not.stringContaining('>'), expect.stringMatching(/>tt1007\|\|started\|open$/), expect.stringMatching(/>tt1007\|\|started\|completed$/)]);
    } finally {
      monitor.disconnect();
      watcher.disconnect();
    }
  });
});
