// Child processes the benchmark runs: the API (with the event-loop probe), the raw node:http
// baseline and the web server. Every one listens on 127.0.0.1-reachable spare ports and is stopped
// by its own pid when the benchmark is done with it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = resolve(import.meta.dirname, '../../..');
const PROBE = resolve(import.meta.dirname, '../loop-delay-probe.cjs');

/** A port nobody listens on right now. */
export function sparePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

/** Waits until `url` answers (with a 2xx, or with anything when `anyAnswer`: a server whose one route is not GET). */
async function waitForUrl(url, child, label, timeoutMs = 60_000, anyAnswer = false) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode} before it answered ${url}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok || anyAnswer) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${label} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 12_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Collects a child's stderr; lines starting with [loop-delay] are handed to whoever waits for one. */
function watchStderr(child) {
  const waiting = [];
  let buffer = '';
  const tail = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.startsWith('[loop-delay] ')) waiting.shift()?.(JSON.parse(line.slice('[loop-delay] '.length)));
      else {
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    }
  });
  return { waiting, tail };
}

/**
 * Starts the production API build under the loop-delay probe.
 * `serverMain` is the built main.js; `size` the CATALOG_SIZE; `corsOrigins` the web app's origin;
 * `env` picks the store (STORE, DATA_DIR, DATABASE_URL) and anything else to change. The result
 * says how long the API took from spawn to its first healthy answer (`startupMs`).
 */
export async function startApi({ serverMain, size, corsOrigins = 'http://127.0.0.1:1', env = {} }) {
  const port = await sparePort();
  const spawnedAt = performance.now();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--require', PROBE, serverMain], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      JWT_TTL_SECONDS: '3600',
      PORT: String(port),
      PUBLIC_URL: url,
      CORS_ORIGINS: corsOrigins,
      CATALOG_SIZE: String(size),
      BCRYPT_ROUNDS: '10',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000',
      SIGNUP_MAX_PER_ADDRESS: '1000000',
      LOG_REQUESTS: 'false',
      ...env,
    },
  });
  const stderr = watchStderr(child);
  try {
    await waitForUrl(`${url}/health`, child, `API (CATALOG_SIZE=${size})`, 120_000);
  } catch (error) {
    await stop(child);
    throw new Error(`${error.message}\n${stderr.tail.join('\n')}`);
  }
  const startupMs = Math.round(performance.now() - spawnedAt);
  return {
    url,
    pid: child.pid,
    startupMs,
    /** Ends the probe's current window and returns its event-loop delay figures. */
    loopDelay() {
      const report = new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error('the loop-delay probe did not answer SIGUSR2')), 10_000);
        stderr.waiting.push((value) => {
          clearTimeout(timer);
          done(value);
        });
      });
      child.kill('SIGUSR2');
      return report;
    },
    stop: () => stop(child),
  };
}

/**
 * A comparison server replaying one captured API answer (lib/captured-response.mjs), in its own
 * process: `raw` is plain node:http (raw-catalog-server.mjs), `express` is Express 5 alone
 * (express-floor-server.mjs) and `nest` NestJS on that Express alone (nest-floor-server.ts, from
 * source through ts-node), each with one route, `method` and `path` (an Express path pattern).
 */
export async function startBaselineServer({ kind, replayFile, method = 'GET', path = '/' }) {
  const script = { raw: 'raw-catalog-server.mjs', express: 'express-floor-server.mjs', nest: 'nest-floor-server.ts' }[kind];
  if (!script) throw new Error(`unknown baseline server: ${kind}`);
  const port = await sparePort();
  const url = `http://127.0.0.1:${port}`;
  const typescript = script.endsWith('.ts') ? ['--require', 'ts-node/register/transpile-only'] : [];
  const child = spawn(process.execPath, [...typescript, resolve(import.meta.dirname, '..', script)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // The server's compiler settings (decorators and their metadata) for the TypeScript one.
    env: { ...process.env, TS_NODE_PROJECT: resolve(ROOT, 'server/tsconfig.spec.json'), REPLAY_PORT: String(port), REPLAY_FILE: replayFile, REPLAY_METHOD: method, REPLAY_PATH: path },
  });
  await waitForUrl(url, child, `${kind} baseline server`, 60_000, true);
  return { url, pid: child.pid, stop: () => stop(child) };
}

/** tools/web/serve-web.mjs serving the given production build, pointed at the bench API. */
export async function startWeb({ port, apiUrl, webRoot }) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [resolve(ROOT, 'tools/web/serve-web.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WEB_PORT: String(port), API_URL: apiUrl, WEB_ROOT: webRoot },
  });
  await waitForUrl(`${url}/`, child, 'web server');
  return { url, stop: () => stop(child) };
}
