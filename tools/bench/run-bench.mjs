// `npm run bench`: the API and the web app measured against their performance targets, on the
// production builds. Builds both, copies the builds aside (so a rebuild by someone else cannot
// change what is measured), then for CATALOG_SIZE=100 and 100000 starts the API and loads each
// endpoint with autocannon; runs a login storm while watching /catalog and the API's event loop; and measures the
// web app in headless Chromium. Prints a table and writes dist/bench/latest.json.
//
// Then the same API on each store (memory, PGlite, a PostgreSQL server) and their start-up times,
// and the cluster (npm run start:cluster) with one and two instances behind nginx.
//
// First, side by side (issue 20): the API on the PostgreSQL server store against Express alone and raw
// node:http replaying its very answers (status, headers, bytes), each server in its own process, the
// three alternated in one run, each row --repeats times (default 3) with the median kept.
//
// Options: --skip-build (use the builds already in dist/), --seconds=N (per endpoint, default 10),
// --no-client (skip the browser figures), --only=storm (only the login storm, for quick A/B runs),
// --only=stores (only the per-store rows and start-up times), --only=cluster (only the cluster rows),
// --only=compare (only the side-by-side rows and the breakdown), --repeats=N,
// --before=path/to/main.js (an earlier build alternated with the rest in the side-by-side rows, on the
// same data; it must sit inside the workspace, e.g. under dist/, to find node_modules),
// --breakdown-root=dir (the breakdown again for an earlier source tree: its server/src, tsconfig
// files and tools/bench/request-stages-server.ts), --only=breakdown (only the breakdowns).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserFigures, bundleFigures } from './lib/client.mjs';
import { heartbeatRow, measure, prepareViewer, segmentUrl, signUp } from './lib/load.mjs';
import { ROOT, sparePort, startApi, startWeb } from './lib/processes.mjs';
import { comparisonFigures } from './lib/compare.mjs';
import { breakdownFigures } from './lib/breakdown.mjs';
import { evaluateTargets, printReport } from './lib/report.mjs';
import { clusterFigures, clusterUnavailable } from './lib/cluster.mjs';
import { freshStore, serverStoreUnavailable, startupFigures, storeFigures } from './lib/stores.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const SECONDS = Number(option('seconds') ?? 10);
const ONLY_STORM = option('only') === 'storm';
const ONLY_STORES = option('only') === 'stores';
const ONLY_CLUSTER = option('only') === 'cluster';
const ONLY_SIDE_BY_SIDE = option('only') === 'side-by-side';
const ONLY_COMPARE = option('only') === 'compare' || option('only') === 'breakdown' || ONLY_SIDE_BY_SIDE;
const REPEATS = Number(option('repeats') ?? 3);
const BEFORE_MAIN = option('before');
const BREAKDOWN_ROOT = option('breakdown-root');
const ONLY_BREAKDOWN = option('only') === 'breakdown';
/** Side-by-side rows to run (`--rows=catalog,title`): all of them unless named. */
const ROWS = option('rows')?.split(',');
const WARMUP_SECONDS = Math.min(2, SECONDS);
const CONNECTIONS = 100;
const SIZES = [100, 100_000];
const STORM_LOGINS = 16;
const STORM_CATALOG_CONNECTIONS = 10;
const OUT_DIR = resolve(ROOT, 'dist/bench');
const SNAPSHOT = join(OUT_DIR, 'snapshot');

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

function build() {
  log('building server and client (production)…');
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', ...(ONLY_COMPARE ? [] : ['client']), '--output-style=static'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the production build failed');
}

function snapshotBuilds() {
  rmSync(SNAPSHOT, { recursive: true, force: true });
  mkdirSync(SNAPSHOT, { recursive: true });
  cpSync(resolve(ROOT, 'dist/server'), join(SNAPSHOT, 'server'), { recursive: true });
  // The side-by-side rows need only the API.
  if (!ONLY_COMPARE) cpSync(resolve(ROOT, 'dist/client/browser'), join(SNAPSHOT, 'browser'), { recursive: true });
  return { serverMain: join(SNAPSHOT, 'server/main.js'), browserDir: join(SNAPSHOT, 'browser') };
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpuModel: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 / 1024) * 10) / 10,
    node: process.version,
    loadAverageAtStart: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number),
  };
}

async function endpointFigures(api, jwt) {
  const auth = { authorization: `Bearer ${jwt}` };
  const segment = await segmentUrl(api.url, jwt, 'tt1000');
  const endpoints = [
    { key: 'catalog', label: 'GET /catalog', url: `${api.url}/catalog`, headers: auth },
    { key: 'title', label: 'GET /titles/:id', url: `${api.url}/titles/tt1000`, headers: auth },
    { key: 'recsHome', label: 'GET /recs/home', url: `${api.url}/recs/home`, headers: auth },
    heartbeatRow(api.url, jwt),
    { key: 'segment', label: 'GET segment (.ts)', url: segment, headers: {} },
  ];
  const figures = {};
  for (const endpoint of endpoints) {
    log(`  ${endpoint.label}: ${WARMUP_SECONDS} s warm-up, ${SECONDS} s at ${CONNECTIONS} connections`);
    figures[endpoint.key] = {
      label: endpoint.label,
      ...(await measure({ ...endpoint, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, serverPid: api.pid })),
    };
  }
  return figures;
}

/**
 * The API on the PostgreSQL server store (100 titles) side by side with Express alone and raw
 * node:http replaying its answers: issue 20's ratios.
 */
async function sideBySideFigures(serverMain, beforeMain) {
  const unavailable = await serverStoreUnavailable();
  if (unavailable) return { skipped: unavailable };
  const data = await freshStore('postgres');
  // One secret and one database for both builds: the same viewer's token works on either.
  const env = { ...data.env, JWT_SECRET: randomBytes(32).toString('base64url') };
  const api = await startApi({ serverMain, size: 100, env });
  const before = beforeMain ? await startApi({ serverMain: beforeMain, size: 100, env }) : undefined;
  try {
    const { jwt } = await prepareViewer(api.url);
    const auth = { authorization: `Bearer ${jwt}` };
    const heartbeat = heartbeatRow(api.url, jwt);
    const rows = [
      { key: 'catalog', label: 'GET /catalog', path: '/catalog', route: '/catalog', headers: auth },
      { key: 'title', label: 'GET /titles/:id', path: '/titles/tt1000', route: '/titles/:id', headers: auth },
      { key: 'heartbeat', label: 'POST /play/heartbeat', path: '/play/heartbeat', route: '/play/heartbeat', method: 'POST', headers: heartbeat.headers, body: heartbeat.body, setupClient: heartbeat.setupClient },
      { key: 'recsHome', label: 'GET /recs/home', path: '/recs/home', route: '/recs/home', headers: auth },
    ];
    const unknown = ROWS?.filter((key) => !rows.some((row) => row.key === key)) ?? [];
    if (unknown.length > 0) throw new Error(`--rows names no side-by-side row: ${unknown.join(', ')} (rows: ${rows.map((row) => row.key).join(', ')})`);
    const figures = await comparisonFigures({ api, before, rows: rows.filter((row) => !ROWS || ROWS.includes(row.key)), outDir: OUT_DIR, repeats: REPEATS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, log });
    return { store: 'postgres', size: 100, repeats: REPEATS, ...(beforeMain ? { before: beforeMain } : {}), rows: figures };
  } finally {
    await before?.stop();
    await api.stop();
    await data.dispose();
  }
}

/** /catalog and the event loop, first quiet, then while 16 logins at a time run in a loop. */
async function stormFigures(api, jwt) {
  const accounts = [];
  for (let index = 0; index < STORM_LOGINS; index++) accounts.push(await signUp(api.url, `storm${index}`));
  const catalog = { url: `${api.url}/catalog`, headers: { authorization: `Bearer ${jwt}` }, connections: STORM_CATALOG_CONNECTIONS, seconds: SECONDS, warmupSeconds: 0 };

  log(`  quiet: /catalog at ${STORM_CATALOG_CONNECTIONS} connections for ${SECONDS} s`);
  await api.loopDelay();
  const quietCatalog = await measure(catalog);
  const quietLoop = await api.loopDelay();

  log(`  storm: ${STORM_LOGINS} concurrent logins in a loop, /catalog at ${STORM_CATALOG_CONNECTIONS} connections for ${SECONDS} s`);
  let running = true;
  const logins = { ok: 0, failed: 0, latenciesMs: [] };
  const loops = accounts.map(async ({ email, password }) => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${api.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
        await response.arrayBuffer();
        if (response.ok) logins.ok++;
        else logins.failed++;
      } catch {
        logins.failed++;
      }
      logins.latenciesMs.push(performance.now() - started);
    }
  });
  await api.loopDelay();
  const stormStarted = performance.now();
  const stormCatalog = await measure(catalog);
  const stormLoop = await api.loopDelay();
  const stormSeconds = (performance.now() - stormStarted) / 1000;
  running = false;
  await Promise.all(loops);
  const sorted = logins.latenciesMs.sort((a, b) => a - b);
  return {
    logins: STORM_LOGINS,
    catalogConnections: STORM_CATALOG_CONNECTIONS,
    quiet: { catalog: quietCatalog, loopDelayMs: quietLoop },
    storm: {
      catalog: stormCatalog,
      loopDelayMs: stormLoop,
      loginsOk: logins.ok,
      loginsFailed: logins.failed,
      loginsPerSecond: Math.round(logins.ok / stormSeconds),
      loginLatencyMs: { p50: Math.round(sorted[sorted.length >> 1] ?? 0), p99: Math.round(sorted[Math.floor(sorted.length * 0.99)] ?? 0) },
    },
  };
}

async function main() {
  if (!args.includes('--skip-build')) build();
  mkdirSync(OUT_DIR, { recursive: true });
  const { serverMain, browserDir } = snapshotBuilds();
  const report = { machine: machine(), settings: { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, repeats: REPEATS, bcryptRounds: 10 }, sizes: {} };

  if (!ONLY_COMPARE) report.bundle = bundleFigures(browserDir);

  if (!ONLY_STORM && !ONLY_STORES && !ONLY_CLUSTER) {
    log(`side by side: the API (PostgreSQL server store, 100 titles), Nest alone, Express alone and raw node:http with its answers, ${REPEATS} runs each, alternated`);
    if (!ONLY_BREAKDOWN) report.sideBySide = await sideBySideFigures(serverMain, BEFORE_MAIN && resolve(BEFORE_MAIN));
    for (const [key, root] of ONLY_SIDE_BY_SIDE ? [] : [['breakdown', ROOT], ...(BREAKDOWN_ROOT ? [['breakdownBefore', resolve(BREAKDOWN_ROOT)]] : [])]) {
      log(`cost breakdown of an authenticated GET /catalog (${root}): all stages, then all but one, ${REPEATS} runs each, alternated`);
      const data = await freshStore('memory');
      try {
        report[key] = await breakdownFigures({ root, env: data.env, repeats: REPEATS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS * 3, connections: CONNECTIONS, log });
      } finally {
        await data.dispose();
      }
    }
  }

  for (const size of ONLY_STORES || ONLY_CLUSTER || ONLY_COMPARE ? [] : ONLY_STORM ? SIZES.slice(0, 1) : SIZES) {
    const webPort = await sparePort();
    const webOrigin = `http://127.0.0.1:${webPort}`;
    log(`CATALOG_SIZE=${size}: starting the API (default store: embedded PostgreSQL, fresh)`);
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-api-'));
    const api = await startApi({ serverMain, size, corsOrigins: webOrigin, env: { DATA_DIR: dataDir } });
    try {
      const { jwt } = await prepareViewer(api.url);
      if (ONLY_STORM) {
        report.loginStorm = await stormFigures(api, jwt);
        continue;
      }
      report.sizes[size] = await endpointFigures(api, jwt);
      if (size === SIZES[0]) {
        report.loginStorm = await stormFigures(api, jwt);
        if (!args.includes('--no-client')) {
          log('  web app in headless Chromium');
          const web = await startWeb({ port: webPort, apiUrl: api.url, webRoot: browserDir });
          try {
            report.browser = await browserFigures({ webUrl: web.url, shakaChunkNames: report.bundle.shakaChunks, log: (message) => log(`  ${message}`) });
          } finally {
            await web.stop();
          }
        }
      }
    } finally {
      await api.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (!ONLY_STORM && !ONLY_CLUSTER && !ONLY_COMPARE) {
    log('each store, 100 titles');
    report.stores = await storeFigures({ serverMain, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, log });
    log('start-up times');
    report.startup = await startupFigures({ serverMain, sizes: SIZES, log });
  }

  if (!ONLY_STORM && !ONLY_STORES && !ONLY_COMPARE) {
    const unavailable = await clusterUnavailable();
    if (unavailable) {
      log(`cluster not measured: ${unavailable}`);
      report.cluster = { skipped: unavailable };
    } else {
      log('the cluster: 1 and 2 instances behind nginx');
      report.cluster = await clusterFigures({ serverMain, browserDir, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, log });
    }
  }

  report.targets = evaluateTargets(report);
  if (ONLY_STORM) {
    process.stdout.write(`${JSON.stringify(report.loginStorm, (key, value) => (key === 'latenciesMs' ? undefined : value), 2)}\n`);
    return;
  }
  writeFileSync(join(OUT_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  printReport(report);
  log(`figures written to ${join(OUT_DIR, 'latest.json')}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
