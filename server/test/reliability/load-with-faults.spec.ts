import { connect } from 'node:net';
import { CURATED_SERIES_IDS } from '../support/curated-series';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LoginThrottle } from '../../src/auth/login-throttle.service';
import { TokensService } from '../../src/auth/tokens.service';
import { createTestApp, signUpViewer, TestApp, Viewer } from '../support/test-app';
import { RawHttpClient, RawResponse } from './support/raw-http';

const VIEWERS = 200;
/** The issue asks for a minute; set LOAD_SECONDS lower to iterate locally. */
const LOAD_SECONDS = Number(process.env['LOAD_SECONDS'] ?? 60);
const THINK_MS = { min: 150, max: 600 };
/** A hard cap on top of the deadline, so the load is bounded in count as well as time. */
const MAX_REQUESTS_PER_VIEWER = Math.ceil((LOAD_SECONDS * 1000) / THINK_MS.min) + 10;
/** Films only: every viewer plays one without naming an episode. */
const TITLES = Array.from({ length: 40 }, (_, index) => `tt${1000 + index}`).filter((id) => !CURATED_SERIES_IDS.has(id));

/** A small seeded generator, so a failing run can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

interface Problem {
  viewer: number;
  request: string;
  outcome: string;
}

interface ViewerRun {
  titleId: string;
  /** Position of the last heartbeat the server acknowledged with 204. */
  lastAcknowledged?: number;
  requests: number;
  aborted: number;
  cutMidBody: number;
}

/** Forces a full collection when V8 allows it; heap figures are only a loose second check. */
function collectGarbage(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

describe('Load with faults: 200 viewers, aborted requests and cut connections', () => {
  let t: TestApp;
  let client: RawHttpClient;
  let viewers: Viewer[];

  beforeAll(async () => {
    // Every viewer signs in from 127.0.0.1: lift the per-address limit that would otherwise (rightly) throttle them.
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000' });
    client = new RawHttpClient(t.origin, VIEWERS);
    viewers = [];
    for (let index = 0; index < VIEWERS; index++) viewers.push(await signUpViewer(t, { email: `load${index}@example.com` }));
  }, 60_000);

  afterAll(async () => {
    client.close();
    await t.close();
  });

  /** Writes the headers and half the body of a heartbeat, then drops the connection: the server must store nothing. */
  async function heartbeatCutMidBody(jwt: string, titleId: string, position: number, afterMs: number): Promise<void> {
    const body = JSON.stringify({ titleId, position });
    const { port } = new URL(t.origin);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /play/heartbeat HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${jwt}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, Math.floor(body.length / 2))}`,
        );
        setTimeout(() => socket.destroy(), afterMs);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
  }

  async function simulate(index: number, viewer: Viewer, deadline: number, problems: Problem[]): Promise<ViewerRun> {
    const random = seededRandom(index + 1);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const run: ViewerRun = { titleId: TITLES[index % TITLES.length], requests: 0, aborted: 0, cutMidBody: 0 };
    let headers: Record<string, string> = {};

    const send = async (method: string, path: string, body?: unknown, abortAfterMs?: number): Promise<RawResponse | undefined> => {
      run.requests++;
      const text = body === undefined ? undefined : JSON.stringify(body);
      const requestHeaders = text === undefined ? headers : { ...headers, 'Content-Type': 'application/json' };
      const signal = abortAfterMs === undefined ? undefined : AbortSignal.timeout(abortAfterMs);
      try {
        const response = await client.send({ method, path, headers: requestHeaders, body: text, signal });
        if (response.status >= 400) problems.push({ viewer: index, request: `${method} ${path}`, outcome: `${response.status} ${response.text.slice(0, 200)}` });
        return response;
      } catch (error) {
        if (signal?.aborted) {
          run.aborted++;
          return undefined;
        }
        problems.push({ viewer: index, request: `${method} ${path}`, outcome: `transport error: ${(error as Error).message}` });
        return undefined;
      }
    };

    await sleep(Math.floor(random() * 2000));
    const login = await send('POST', '/auth/login', { email: viewer.email, password: viewer.password });
    if (login?.status !== 200) return run;
    const session = login.json as { jwt: string; refreshToken: string };
    headers = { Authorization: `Bearer ${session.jwt}` };
    let refreshToken = session.refreshToken;
    const playback = await send('POST', '/play/start', { titleId: run.titleId });
    if (playback?.status !== 200) return run;
    const { hlsUrl, duration } = playback.json as { hlsUrl: string; duration: number };
    const masterPath = new URL(hlsUrl).pathname;
    let cursor: string | null = null;

    while (Date.now() < deadline && run.requests < MAX_REQUESTS_PER_VIEWER) {
      const roll = random();
      if (roll < 0.35) {
        const position = Math.round(random() * duration * 1000) / 1000;
        const response = await send('POST', '/play/heartbeat', { titleId: run.titleId, position });
        if (response?.status === 204) run.lastAcknowledged = position;
      } else if (roll < 0.42) {
        run.cutMidBody++;
        await heartbeatCutMidBody(session.jwt, run.titleId, Math.round(random() * duration * 1000) / 1000, 1 + Math.floor(random() * 20));
      } else if (roll < 0.55) {
        const path = pick(['/recs/home', `/catalog?limit=50`, `/titles/${pick(TITLES)}`, masterPath, '/recs/trending']);
        await send('GET', path, undefined, 1 + Math.floor(random() * 15));
      } else if (roll < 0.72) {
        const page = await send('GET', cursor ? `/catalog?limit=20&cursor=${encodeURIComponent(cursor)}` : '/catalog?limit=20');
        cursor = page?.status === 200 ? (page.json as { cursor: string | null }).cursor : null;
      } else if (roll < 0.82) {
        await send('GET', `/titles/${pick(TITLES)}`);
      } else if (roll < 0.92) {
        await send('GET', '/recs/home');
      } else if (roll < 0.97) {
        await send('GET', masterPath);
      } else {
        const pair = await send('POST', '/auth/refresh', { refreshToken });
        if (pair?.status === 200) {
          const next = pair.json as { jwt: string; refreshToken: string };
          refreshToken = next.refreshToken;
          headers = { Authorization: `Bearer ${next.jwt}` };
        }
      }
      await sleep(THINK_MS.min + Math.floor(random() * (THINK_MS.max - THINK_MS.min)));
    }
    return run;
  }

  it(
    'serves every viewer without a 5xx, keeps each last acknowledged heartbeat, and gives memory back once sessions expire',
    async () => {
      const tokens = t.app.get(TokensService);
      const throttle = t.app.get(LoginThrottle);
      const gc = collectGarbage();
      gc?.();
      const heapBefore = process.memoryUsage().heapUsed;

      const problems: Problem[] = [];
      const deadline = Date.now() + LOAD_SECONDS * 1000;
      const runs = await Promise.all(viewers.map((viewer, index) => simulate(index, viewer, deadline, problems)));

      const total = runs.reduce((sum, run) => sum + run.requests, 0);
      expect(problems).toEqual([]);
      expect(runs.reduce((sum, run) => sum + run.aborted, 0)).toBeGreaterThan(0);
      expect(runs.reduce((sum, run) => sum + run.cutMidBody, 0)).toBeGreaterThan(0);
      expect(total).toBeGreaterThan(VIEWERS * 3);

      for (const [index, run] of runs.entries()) {
        const history = await client.send({ method: 'GET', path: '/me/history', headers: viewers[index].auth });
        const items = (history.json as { items: { title: { id: string }; position: number }[] }).items;
        const stored = items.find((item) => item.title.id === run.titleId)?.position;
        expect({ viewer: index, position: stored }).toEqual({ viewer: index, position: run.lastAcknowledged });
      }

      // Everything the run left in the auth stores is reclaimed once its lifetime has passed.
      expect(await tokens.sessionCount()).toBeGreaterThanOrEqual(VIEWERS);
      t.clock.advance(t.config.refreshTtlSeconds + Math.max(t.config.loginAddressWindowSeconds, t.config.loginAccountWindowSeconds) + 1);
      await tokens.sweepExpired();
      await throttle.sweep();
      expect(await tokens.sessionCount()).toBe(0);
      expect(await throttle.size()).toBe(0);

      client.agent.destroy();
      if (gc) {
        gc();
        const grownMegabytes = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
        expect(grownMegabytes).toBeLessThan(64);
      }
    },
    (LOAD_SECONDS + 120) * 1000,
  );
});
