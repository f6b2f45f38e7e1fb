// The same API on each store, in one run: memory, the embedded PostgreSQL (PGlite) and a
// PostgreSQL server. Request rates and event-loop delay per store, and how long the API takes to
// start with 100 and 100 000 titles, on a fresh database and on one already seeded.
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, heartbeatRow, measure, prepareViewer, signUp } from './load.mjs';
import { startApi } from './processes.mjs';

export const STORES = ['memory', 'pglite', 'postgres'];
export const STORE_LABELS = { memory: 'memory', pglite: 'PGlite (embedded)', postgres: 'PostgreSQL server' };
const SERVER_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const LOGIN_CONNECTIONS = 16;

async function admin(statement) {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Fresh data for one store: the environment that selects it, and how to throw it away. */
export async function freshStore(store) {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${store}-`));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (store === 'memory') return { env: { STORE: 'memory', DATA_DIR: dataDir }, dispose: async () => removeDir() };
  if (store === 'pglite') return { env: { DATA_DIR: dataDir }, dispose: async () => removeDir() };
  const name = `streaming_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin(`create database "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dispose: async () => {
      await admin(`drop database if exists "${name}" with (force)`);
      removeDir();
    },
  };
}

/** Why the server store cannot be measured here, or undefined. */
export async function serverStoreUnavailable() {
  try {
    await admin('select 1');
    return undefined;
  } catch (error) {
    return `${SERVER_URL.replace(/:[^:@/]*@/, ':***@')} cannot be reached (${error.code ?? error.message})`;
  }
}

/** Request rows and event-loop delay on each store, CATALOG_SIZE=100. */
export async function storeFigures({ serverMain, seconds, warmupSeconds, connections, log }) {
  const figures = {};
  const unavailable = await serverStoreUnavailable();
  for (const store of STORES) {
    if (store === 'postgres' && unavailable) {
      figures[store] = { skipped: unavailable };
      log(`  ${STORE_LABELS[store]}: not measured, ${unavailable}`);
      continue;
    }
    const data = await freshStore(store);
    const api = await startApi({ serverMain, size: 100, env: data.env });
    try {
      const { jwt } = await prepareViewer(api.url);
      const auth = { authorization: `Bearer ${jwt}` };
      const account = await signUp(api.url, `login-${store}`);
      // Heartbeats last: the progress they leave would make the home page heavier for the rows after.
      const rows = [
        { key: 'catalog', label: 'GET /catalog', url: `${api.url}/catalog`, headers: auth },
        { key: 'recsHome', label: 'GET /recs/home', url: `${api.url}/recs/home`, headers: auth },
        {
          key: 'login',
          label: `POST /auth/login (${LOGIN_CONNECTIONS} connections, bcrypt cost 10)`,
          url: `${api.url}/auth/login`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: account.email, password: account.password }),
          connections: LOGIN_CONNECTIONS,
        },
        heartbeatRow(api.url, jwt),
      ];
      const measured = {};
      for (const row of rows) {
        log(`  ${STORE_LABELS[store]}: ${row.label}`);
        await call(api.url, 'GET', '/health');
        await api.loopDelay();
        measured[row.key] = { label: row.label, ...(await measure({ connections, ...row, seconds, warmupSeconds, serverPid: api.pid })), loopDelayMs: await api.loopDelay() };
      }
      figures[store] = measured;
    } finally {
      await api.stop();
      await data.dispose();
    }
  }
  return figures;
}

/** Spawn to first healthy answer, per store and catalog size: on fresh data, then again on the same data. */
export async function startupFigures({ serverMain, sizes, log }) {
  const figures = {};
  const unavailable = await serverStoreUnavailable();
  for (const store of STORES) {
    if (store === 'postgres' && unavailable) {
      figures[store] = { skipped: unavailable };
      continue;
    }
    figures[store] = {};
    for (const size of sizes) {
      const data = await freshStore(store);
      try {
        const first = await startApi({ serverMain, size, env: data.env });
        await first.stop();
        let later;
        if (store !== 'memory') {
          const again = await startApi({ serverMain, size, env: data.env });
          await again.stop();
          later = again.startupMs;
        }
        figures[store][size] = { firstMs: first.startupMs, laterMs: later };
        log(`  start-up, ${STORE_LABELS[store]}, ${size} titles: first ${first.startupMs} ms${later === undefined ? '' : `, later ${later} ms`}`);
      } finally {
        await data.dispose();
      }
    }
  }
  return figures;
}
