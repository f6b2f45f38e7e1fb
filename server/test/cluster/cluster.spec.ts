import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RawHttpClient, RawResponse } from '../reliability/support/raw-http';
import { freePort } from '../reliability/support/server-process';
import { CURATED_SERIES_IDS } from '../support/curated-series';
import { createTestDatabase, postgresServerUnavailable, TestDatabase } from '../support/postgres-server';
import { uniqueRedisPrefix } from '../support/redis-server';
import { throwawayRedisUnavailable, ThrowawayRedis } from '../support/throwaway-redis';

const WORKSPACE = resolve(__dirname, '../../..');
const NGINX = process.env['NGINX'] ?? '/usr/sbin/nginx';
const VIEWERS = 200;
const LOAD_MS = 9_000;
const KILL_AFTER_MS = 2_500;
/** However busy the machine, a viewer not served this long after the load began counts as not served. */
const GIVE_UP_MS = 90_000;
// Films only: playing a series needs an episode.
const TITLES = Array.from({ length: 40 }, (_, index) => `tt${1000 + index}`).filter((id) => !CURATED_SERIES_IDS.has(id));

interface ClusterMember {
  name: string;
  port: number;
  child: { pid?: number; kill(signal: string): boolean; exitCode: number | null };
}

interface Cluster {
  apiUrl: string;
  webUrl: string;
  accessLog: string;
  instances: ClusterMember[];
  stop(): Promise<void>;
}

function nginxUnavailable(): string | undefined {
  const missing = existsSync(NGINX) ? undefined : `nginx is not at ${NGINX} (set NGINX)`;
  if (missing && process.env['CI'] === 'true') throw new Error(`The cluster tests must run under CI, but ${missing}`);
  return missing;
}

const skipped = nginxUnavailable() ?? postgresServerUnavailable() ?? throwawayRedisUnavailable();

/** A real `import()`: TypeScript would turn one written here into `require`, which cannot load the tool's ES module. */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

function json<T>(response: RawResponse): T {
  return response.json as T;
}

/** A small stand-in for the web build: what nginx serves is its configuration's business, not Angular's. */
function fixtureWebBuild(folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>Nightreel</title></head><body><app-root></app-root></body></html>\n');
  writeFileSync(join(folder, 'main-ABCD1234.js'), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
  writeFileSync(join(folder, 'favicon.ico'), Buffer.alloc(64));
}

/**
 * `npm run start:cluster`'s own code (tools/cluster) with real processes on loopback: two API
 * instances (from the sources) behind Debian's nginx, on a PostgreSQL server database of this run
 * and a Redis of the test's own (so it may stop it).
 */
(skipped ? describe.skip : describe)(`The cluster: API instances behind nginx${skipped ? ` (not run: ${skipped})` : ''}`, () => {
  let database: TestDatabase;
  let redis: ThrowawayRedis;
  let folder: string;
  let logFile: string;
  let logFd: number;
  let cluster: Cluster;
  const supervisorLog: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cluster-test-'));
    database = await createTestDatabase();
    redis = await ThrowawayRedis.create();
    fixtureWebBuild(join(folder, 'browser'));
    logFile = join(folder, 'instances.log');
    logFd = openSync(logFile, 'a');
    const { startCluster } = (await importModule(join(WORKSPACE, 'tools/cluster/cluster.mjs'))) as { startCluster(options: object): Promise<Cluster> };
    cluster = await startCluster({
      instances: 2,
      apiPort: await freePort(),
      webPort: await freePort(),
      env: {
        PATH: process.env['PATH'] ?? '',
        TS_NODE_PROJECT: join(WORKSPACE, 'server/tsconfig.app.json'),
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: uniqueRedisPrefix(),
        BCRYPT_ROUNDS: '4',
        // 25 sign-ups at once set up the viewers; the hash queue's 3 s limit (tested in auth.api.spec.ts)
        // can refuse some on a loaded 2-core machine, and refusing set-up is not what this suite tests.
        HASH_QUEUE_MAX_WAIT_MS: '60000',
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
        SIGNUP_MAX_PER_ADDRESS: '1000000',
        LOG_REQUESTS: 'false',
        NO_COLOR: '1',
      },
      serverMain: join(WORKSPACE, 'server/src/main.ts'),
      nodeArgs: ['-r', 'ts-node/register/transpile-only'],
      browserDir: join(folder, 'browser'),
      runtimeDir: join(folder, 'runtime'),
      dataDir: join(folder, 'data'),
      instanceOutput: logFd,
      log: (line: string) => supervisorLog.push(line),
    });
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
    if (logFd !== undefined) closeSync(logFd);
    await redis?.stop();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  const instanceLog = () => readFileSync(logFile, 'utf8');

  async function untilLogged(pattern: RegExp, count: number, timeoutMs = 15_000): Promise<void> {
    for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(50)) {
      if ((instanceLog().match(new RegExp(pattern, 'g')) ?? []).length >= count) return;
    }
    throw new Error(`the instances did not log ${pattern} ${count} times within ${timeoutMs} ms`);
  }

  function send(client: RawHttpClient, method: string, path: string, options: { jwt?: string; body?: unknown } = {}): Promise<RawResponse> {
    return client.send({
      method,
      path,
      headers: { ...(options.jwt ? { Authorization: `Bearer ${options.jwt}` } : {}), ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  }

  it('serves the web build from nginx: the app for deep links, immutable hashed files compressed, the CSP, 404 for missing files', async () => {
    const web = new RawHttpClient(cluster.webUrl, 4);
    try {
      const deepLink = await web.send({ method: 'GET', path: '/title/tt1000' });
      expect(deepLink.status).toBe(200);
      expect(deepLink.text).toContain(`<meta name="api-url" content="${cluster.apiUrl}">`);
      expect(deepLink.headers['cache-control']).toBe('no-cache');
      expect(deepLink.headers['content-security-policy']).toContain(`connect-src 'self' ${cluster.apiUrl}`);
      expect(deepLink.headers['content-security-policy']).toContain("media-src 'self' blob: data:");
      const script = await web.send({ method: 'GET', path: '/main-ABCD1234.js', headers: { 'Accept-Encoding': 'gzip' } });
      expect({ status: script.status, encoding: script.headers['content-encoding'], cache: script.headers['cache-control'] }).toEqual({ status: 200, encoding: 'gzip', cache: 'public, max-age=31536000, immutable' });
      expect(script.headers['x-content-type-options']).toBe('nosniff');
      expect((await web.send({ method: 'GET', path: '/missing-file.js' })).status).toBe(404);
    } finally {
      web.close();
    }
  });

  it('passes the same API checks for a viewer whose requests alternate between the instances', async () => {
    const a = new RawHttpClient(`http://127.0.0.1:${cluster.instances[0].port}`, 4);
    const b = new RawHttpClient(`http://127.0.0.1:${cluster.instances[1].port}`, 4);
    try {
      const signup = json<{ jwt: string; refreshToken: string }>(await send(a, 'POST', '/auth/signup', { body: { email: 'hopper@example.com', password: 'long enough password', name: 'Hopper' } }));
      const pair = await send(b, 'POST', '/auth/refresh', { body: { refreshToken: signup.refreshToken } });
      expect(pair.status).toBe(200);
      const { jwt } = json<{ jwt: string }>(pair);
      expect((await send(a, 'POST', '/play/start', { jwt, body: { titleId: 'tt1005' } })).status).toBe(200);
      expect((await send(a, 'POST', '/play/heartbeat', { jwt, body: { titleId: 'tt1005', position: 11 } })).status).toBe(204);
      const resume = json<{ items: { title: { id: string }; position: number }[] }>(await send(b, 'GET', '/me/continue-watching', { jwt }));
      expect(resume.items.map((item) => [item.title.id, item.position])).toEqual([['tt1005', 11]]);

      expect((await send(a, 'GET', '/me', { jwt })).status).toBe(200);
      expect((await send(b, 'DELETE', '/me/sessions', { jwt })).status).toBe(204);
      expect((await send(a, 'GET', '/me', { jwt })).status).toBe(401);

      await send(a, 'POST', '/auth/signup', { body: { email: 'target@example.com', password: 'long enough password', name: 'Target' } });
      const statuses = [];
      for (const client of [a, b, a, b, a, b]) statuses.push((await send(client, 'POST', '/auth/login', { body: { email: 'target@example.com', password: 'wrong password!' } })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      a.close();
      b.close();
    }
  }, 60_000);

  it('loses nothing when one instance is killed under 200 viewers: no 5xx for idempotent requests, every acknowledged heartbeat kept, and the instance rejoins', async () => {
    const front = new RawHttpClient(cluster.apiUrl, 128);
    try {
      const viewers: string[] = [];
      for (let index = 0; index < VIEWERS; index += 25) {
        const batch = await Promise.all(
          Array.from({ length: 25 }, (_, offset) => send(front, 'POST', '/auth/signup', { body: { email: `load${index + offset}@example.com`, password: 'long enough password', name: `Load ${index + offset}` } })),
        );
        viewers.push(...batch.map((response) => json<{ jwt: string }>(response).jwt));
      }
      await Promise.all(viewers.map((jwt, index) => send(front, 'POST', '/play/start', { jwt, body: { titleId: TITLES[index % TITLES.length] } })));

      const victim = cluster.instances[0];
      const problems: string[] = [];
      const acknowledged = new Map<number, number>();
      let refusedWrites = 0;
      let killedAt = 0;
      const servedAfterKill = new Set<number>();
      const deadline = Date.now() + LOAD_MS;
      // Each viewer goes on until the load's time is up and the survivor has served it since the
      // kill: the survivor must serve everyone, however busy the machine makes it.
      const giveUpAt = Date.now() + GIVE_UP_MS;
      const killer = sleep(KILL_AFTER_MS).then(() => {
        killedAt = Date.now();
        victim.child.kill('SIGKILL');
      });
      await Promise.all(
        viewers.map(async (jwt, index) => {
          const titleId = TITLES[index % TITLES.length];
          for (let step = 1; (Date.now() < deadline || !servedAfterKill.has(index)) && Date.now() < giveUpAt; step++) {
            const reads: [string, string][] = [
              ['GET', '/catalog?limit=5'],
              ['GET', `/titles/${titleId}`],
              ['GET', '/me/continue-watching'],
            ];
            const [method, path] = reads[step % reads.length];
            const startedAt = Date.now();
            const read = await send(front, method, path, { jwt });
            if (read.status >= 500) problems.push(`${method} ${path} → ${read.status}`);
            else if (killedAt > 0 && startedAt >= killedAt) servedAfterKill.add(index);
            const position = step / 10;
            const beat = await send(front, 'POST', '/play/heartbeat', { jwt, body: { titleId, position } });
            if (beat.status === 204) acknowledged.set(index, position);
            else if (beat.status === 502) refusedWrites++;
            else problems.push(`POST /play/heartbeat → ${beat.status}`);
            await sleep(40 + (index % 7) * 10);
          }
        }),
      );
      await killer;
      expect(problems).toEqual([]);
      // A write cut off with its instance is refused (nginx never repeats one), never half-acknowledged.
      expect(refusedWrites).toBeLessThan(VIEWERS);
      expect(servedAfterKill.size).toBe(VIEWERS);

      const lost: string[] = [];
      for (const [index, position] of acknowledged) {
        const items = json<{ items: { title: { id: string }; position: number }[] }>(await send(front, 'GET', '/me/continue-watching', { jwt: viewers[index] })).items;
        const stored = items.find((item) => item.title.id === TITLES[index % TITLES.length])?.position;
        if (stored === undefined || stored < position) lost.push(`viewer ${index}: acknowledged ${position}, stored ${stored}`);
      }
      expect(lost).toEqual([]);
      expect(acknowledged.size).toBe(VIEWERS);

      // The supervisor starts the killed instance again on its port; nginx sends it requests again.
      expect(supervisorLog.some((line) => line.startsWith(`${victim.name} stopped (SIGKILL)`))).toBe(true);
      const rejoined = new RawHttpClient(`http://127.0.0.1:${victim.port}`, 1);
      try {
        for (const started = Date.now(); Date.now() - started < 60_000; await sleep(250)) {
          const health = await rejoined.send({ method: 'GET', path: '/health' }).catch(() => undefined);
          if (health?.status === 200) break;
        }
      } finally {
        rejoined.close();
      }
      const before = readFileSync(cluster.accessLog, 'utf8').length;
      for (let request = 0; request < 60; request++) expect((await send(front, 'GET', '/health')).status).toBe(200);
      await sleep(4_000);
      for (let request = 0; request < 60; request++) expect((await send(front, 'GET', '/health')).status).toBe(200);
      const upstreams = readFileSync(cluster.accessLog, 'utf8').slice(before);
      expect(upstreams).toContain(`"upstream":"127.0.0.1:${victim.port}"`);
    } finally {
      front.close();
    }
  }, 300_000);

  it('sends stream bytes from nginx once an instance has checked the signed path', async () => {
    const front = new RawHttpClient(cluster.apiUrl, 4);
    try {
      const { jwt } = json<{ jwt: string }>(await send(front, 'POST', '/auth/signup', { body: { email: 'watcher@example.com', password: 'long enough password', name: 'Watcher' } }));
      const { hlsUrl } = json<{ hlsUrl: string }>(await send(front, 'POST', '/play/start', { jwt, body: { titleId: 'tt1000' } }));
      const token = new URL(hlsUrl).pathname.split('/')[2];
      const segment = await front.send({ method: 'GET', path: `/stream/${token}/360p/seg_000.ts`, headers: { Range: 'bytes=0-187' } });
      expect(segment.status).toBe(206);
      expect(segment.headers['content-type']).toBe('video/mp2t');
      expect(segment.headers['content-range']).toMatch(/^bytes 0-187\/\d+$/);
      expect(segment.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
      expect(segment.headers['x-accel-redirect']).toBeUndefined();
      const forged = await front.send({ method: 'GET', path: `/stream/${token.slice(0, -2)}xx/360p/seg_000.ts` });
      expect(forged.status).toBe(403);
      expect((await front.send({ method: 'GET', path: '/_media/programmes/prog-01/master.m3u8' })).status).toBe(404);
    } finally {
      front.close();
    }
  });

  it('keeps signing viewers in on every instance while Redis is down (limits per instance, logged), and nothing answers 5xx', async () => {
    const a = new RawHttpClient(`http://127.0.0.1:${cluster.instances[0].port}`, 4);
    const b = new RawHttpClient(`http://127.0.0.1:${cluster.instances[1].port}`, 4);
    try {
      await send(a, 'POST', '/auth/signup', { body: { email: 'steady@example.com', password: 'long enough password', name: 'Steady' } });
      await redis.stop();
      await untilLogged(/Lost the Redis subscription/, 2);
      const statuses: number[] = [];
      let jwt = '';
      for (const client of [a, b]) {
        const signedIn = await send(client, 'POST', '/auth/login', { body: { email: 'steady@example.com', password: 'long enough password' } });
        statuses.push(signedIn.status);
        jwt = json<{ jwt: string }>(signedIn).jwt;
        statuses.push((await send(client, 'POST', '/auth/login', { body: { email: 'steady@example.com', password: 'not the password' } })).status);
        statuses.push((await send(client, 'GET', '/me', { jwt })).status);
      }
      expect(statuses).toEqual([200, 401, 200, 200, 401, 200]);
      expect(instanceLog()).toMatch(/Redis unavailable .*sign-in limits are counted per instance/);
      // Without Redis no instance trusts what it remembers: the end of a login still counts everywhere.
      expect((await send(b, 'DELETE', '/me/sessions', { jwt })).status).toBe(204);
      expect((await send(a, 'GET', '/me', { jwt })).status).toBe(401);
      await redis.start();
      await untilLogged(/subscriber connection ready/, 4, 30_000);
      expect((await send(a, 'POST', '/auth/login', { body: { email: 'steady@example.com', password: 'long enough password' } })).status).toBe(200);
    } finally {
      a.close();
      b.close();
    }
  }, 120_000);
});
