import { mkdtempSync, rmSync } from 'node:fs';
import { CURATED_SERIES_IDS } from '../support/curated-series';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, postgresServerUnavailable, TestDatabase } from '../support/postgres-server';
import { RawHttpClient, RawResponse } from './support/raw-http';
import { freePort, ServerProcess, spawnServer, untilListening } from './support/server-process';

const VIEWERS = 200;
/** Films only: every viewer's heartbeats name no episode. */
const TITLES = Array.from({ length: 40 }, (_, index) => `tt${1000 + index}`).filter((id) => !CURATED_SERIES_IDS.has(id));

interface Session {
  id: string;
  email: string;
  jwt: string;
  refreshToken: string;
}

function json<T>(response: RawResponse): T {
  return response.json as T;
}

/**
 * The real process, stopped and started again on the same data: by SIGTERM between requests, and by
 * kill -9 in the middle of a load. Nothing it acknowledged may be missing afterwards.
 */
for (const store of ['pglite', 'postgres'] as const) {
  const skipped = store === 'postgres' ? postgresServerUnavailable() : undefined;
  (skipped ? describe.skip : describe)(`Durability of the real process on the ${store} store${skipped ? ` (not run: ${skipped})` : ''}`, () => {
    let dataDir: string;
    let database: TestDatabase | undefined;
    let port: number;
    let server: ServerProcess | undefined;
    let client: RawHttpClient;

    async function start(): Promise<void> {
      // No JWT_SECRET: the secrets are generated on the first start and kept in DATA_DIR.
      server = spawnServer(
        {
          DATA_DIR: dataDir,
          BCRYPT_ROUNDS: '4',
          LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000',
          SIGNUP_MAX_PER_ADDRESS: '1000000',
          ...(database ? { DATABASE_URL: database.url } : {}),
        },
        port,
      );
      await untilListening(server, 120_000);
      client = new RawHttpClient(`http://127.0.0.1:${port}`, 64);
    }

    async function stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<number | string> {
      if (!server) throw new Error('no server running');
      const running = server;
      server = undefined;
      client.agent.destroy();
      running.child.kill(signal);
      return running.exited;
    }

    function call(method: string, path: string, options: { jwt?: string; body?: unknown } = {}): Promise<RawResponse> {
      return client.send({
        method,
        path,
        headers: { ...(options.jwt ? { Authorization: `Bearer ${options.jwt}` } : {}), ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    }

    async function signUp(label: string): Promise<Session> {
      const email = `${label}.${store}@example.com`;
      const response = await call('POST', '/auth/signup', { body: { email, password: 'long enough password', name: label } });
      expect(response.status).toBe(201);
      const body = json<{ user: { id: string }; jwt: string; refreshToken: string }>(response);
      return { id: body.user.id, email, jwt: body.jwt, refreshToken: body.refreshToken };
    }

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), `durability-${store}-`));
      database = store === 'postgres' ? await createTestDatabase() : undefined;
      port = await freePort();
    });

    afterAll(async () => {
      if (server) await stop('SIGKILL');
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps account, list, rating, position, logins, stream links and cursors across a SIGTERM restart', async () => {
      await start();
      const viewer = await signUp('restart');
      expect((await call('PUT', '/me/list/tt1004', { jwt: viewer.jwt })).status).toBe(204);
      expect((await call('PUT', '/me/ratings/tt1002', { jwt: viewer.jwt, body: { rating: 'love' } })).status).toBe(204);
      const playback = json<{ hlsUrl: string }>(await call('POST', '/play/start', { jwt: viewer.jwt, body: { titleId: 'tt1002' } }));
      for (const position of [5, 12.5, 21]) {
        expect((await call('POST', '/play/heartbeat', { jwt: viewer.jwt, body: { titleId: 'tt1002', position } })).status).toBe(204);
      }
      const pair = json<{ jwt: string; refreshToken: string }>(await call('POST', '/auth/refresh', { body: { refreshToken: viewer.refreshToken } }));
      const firstPage = json<{ cursor: string }>(await call('GET', '/catalog?limit=10', { jwt: pair.jwt }));
      const secondPage = json<{ items: { id: string }[] }>(await call('GET', `/catalog?limit=10&cursor=${firstPage.cursor}`, { jwt: pair.jwt }));

      expect(await stop('SIGTERM')).toBe(0);
      await start();

      const me = await call('GET', '/me', { jwt: pair.jwt });
      expect(me.status).toBe(200);
      expect(json<{ id: string }>(me).id).toBe(viewer.id);
      expect(json<{ items: { id: string }[] }>(await call('GET', '/me/list', { jwt: pair.jwt })).items.map((item) => item.id)).toEqual(['tt1004']);
      expect(json<{ items: { titleId: string; rating: string }[] }>(await call('GET', '/me/ratings', { jwt: pair.jwt })).items).toMatchObject([{ titleId: 'tt1002', rating: 'love' }]);
      expect(json<{ items: { title: { id: string }; position: number }[] }>(await call('GET', '/me/continue-watching', { jwt: pair.jwt })).items).toMatchObject([
        { title: { id: 'tt1002' }, position: 21 },
      ]);
      expect(json<{ resumePosition: number }>(await call('POST', '/play/start', { jwt: pair.jwt, body: { titleId: 'tt1002' } })).resumePosition).toBe(21);
      expect((await call('GET', new URL(playback.hlsUrl).pathname)).status).toBe(200);
      expect(json<{ items: { id: string }[] }>(await call('GET', `/catalog?limit=10&cursor=${firstPage.cursor}`, { jwt: pair.jwt })).items).toEqual(secondPage.items);
      expect((await call('POST', '/auth/login', { body: { email: viewer.email, password: 'long enough password' } })).status).toBe(200);
      const renewed = await call('POST', '/auth/refresh', { body: { refreshToken: pair.refreshToken } });
      expect(renewed.status).toBe(200);
      // The token used before the restart is still known as used: presenting it again ends that login.
      expect((await call('POST', '/auth/refresh', { body: { refreshToken: viewer.refreshToken } })).status).toBe(401);
      await stop('SIGTERM');
    }, 300_000);

    it('keeps every heartbeat acknowledged before a kill -9 in the middle of a 200-viewer load', async () => {
      await start();
      const viewers: Session[] = [];
      for (let index = 0; index < VIEWERS; index += 20) {
        viewers.push(...(await Promise.all(Array.from({ length: 20 }, (_, offset) => signUp(`load${index + offset}`)))));
      }
      await Promise.all(viewers.map((viewer, index) => call('POST', '/play/start', { jwt: viewer.jwt, body: { titleId: TITLES[index % TITLES.length] } })));

      const acknowledged = new Map<number, number>();
      let killed = false;
      const load = viewers.map(async (viewer, index) => {
        for (let step = 1; !killed && step < 3000; step++) {
          const position = step / 100;
          try {
            const response = await call('POST', '/play/heartbeat', { jwt: viewer.jwt, body: { titleId: TITLES[index % TITLES.length], position } });
            if (response.status !== 204) throw new Error(`heartbeat answered ${response.status}: ${response.text}`);
            if (!killed) acknowledged.set(index, position);
          } catch (error) {
            if (killed) return;
            throw error;
          }
        }
      });
      await sleep(2_500);
      killed = true;
      expect(await stop('SIGKILL')).toBe('SIGKILL');
      await Promise.all(load);
      expect(acknowledged.size).toBe(VIEWERS);

      await start();
      const lost: { viewer: number; acknowledged: number; stored?: number }[] = [];
      for (const [index, position] of acknowledged) {
        const items = json<{ items: { title: { id: string }; position: number }[] }>(await call('GET', '/me/continue-watching', { jwt: viewers[index].jwt })).items;
        const stored = items.find((item) => item.title.id === TITLES[index % TITLES.length])?.position;
        if (stored === undefined || stored < position) lost.push({ viewer: index, acknowledged: position, stored });
      }
      expect(lost).toEqual([]);
      await stop('SIGTERM');
    }, 300_000);
  });
}
