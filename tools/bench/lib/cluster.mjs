// The API scaled out: /catalog and heartbeats through nginx with one and with two instances, in
// one run, with the CPU each process used; and a stream segment sent by nginx (X-Accel-Redirect)
// against one the API sends itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { clusterPrerequisites, sparePort, startCluster } from '../../cluster/cluster.mjs';
import { heartbeatRow, measure, prepareViewer, segmentUrl } from './load.mjs';

const DATABASE_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL || process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const SEGMENT_CONNECTIONS = 20;

async function admin(statement) {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** nginx's master and its workers. */
function nginxPids(masterPid) {
  try {
    return [masterPid, ...execFileSync('pgrep', ['-P', String(masterPid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number)];
  } catch {
    return [masterPid];
  }
}

async function withCluster({ instances, mediaOffload, serverMain, browserDir }, work) {
  const name = `streaming_bench_cluster_${process.pid}_${instances}_${mediaOffload ? 'accel' : 'api'}`;
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  const folder = mkdtempSync(join(tmpdir(), 'bench-cluster-'));
  const cluster = await startCluster({
    instances,
    apiPort: await sparePort(),
    webPort: await sparePort(),
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url.toString(),
      REDIS_URL,
      REDIS_PREFIX: `bench:${process.pid}:${instances}:${mediaOffload}:`,
      CATALOG_SIZE: '100',
      BCRYPT_ROUNDS: '10',
      JWT_TTL_SECONDS: '3600',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000',
      SIGNUP_MAX_PER_ADDRESS: '1000000',
      LOG_REQUESTS: 'false',
    },
    serverMain,
    browserDir,
    runtimeDir: join(folder, 'runtime'),
    dataDir: join(folder, 'data'),
    instanceOutput: 'ignore',
    restart: false,
    mediaOffload,
  });
  try {
    return await work(cluster);
  } finally {
    await cluster.stop();
    rmSync(folder, { recursive: true, force: true });
    await admin(`drop database if exists "${name}" with (force)`);
  }
}

function processesOf(cluster) {
  return [
    ...cluster.instances.map((member) => ({ label: member.name, pids: () => [member.child.pid] })),
    { label: 'nginx', pids: () => nginxPids(cluster.nginxPid) },
  ];
}

/** Why the cluster cannot be measured here, or undefined. */
export async function clusterUnavailable() {
  const problem = clusterPrerequisites({ DATABASE_URL, REDIS_URL });
  if (problem) return problem;
  try {
    await admin('select 1');
    return undefined;
  } catch (error) {
    return `the PostgreSQL server cannot be reached (${error.code ?? error.message})`;
  }
}

export async function clusterFigures({ serverMain, browserDir, seconds, warmupSeconds, connections, log }) {
  const figures = { rows: {} };
  for (const instances of [1, 2]) {
    log(`  cluster of ${instances}: starting`);
    await withCluster({ instances, mediaOffload: true, serverMain, browserDir }, async (cluster) => {
      const { jwt } = await prepareViewer(cluster.apiUrl);
      const auth = { authorization: `Bearer ${jwt}` };
      /** @type {Parameters<typeof measure>[0][]} */
      const rows = [
        { key: 'catalog', label: 'GET /catalog', url: `${cluster.apiUrl}/catalog`, headers: auth },
        heartbeatRow(cluster.apiUrl, jwt),
      ];
      if (instances === 2) rows.push({ key: 'segmentAccel', label: `GET segment (.ts), sent by nginx (X-Accel-Redirect), ${SEGMENT_CONNECTIONS} connections`, url: await segmentUrl(cluster.apiUrl, jwt, 'tt1000'), headers: {}, connections: SEGMENT_CONNECTIONS });
      for (const row of rows) {
        log(`  cluster of ${instances}: ${row.label}`);
        figures.rows[row.key] ??= { label: row.label };
        figures.rows[row.key][instances] = await measure({ connections, ...row, seconds, warmupSeconds, processes: processesOf(cluster) });
      }
    });
  }
  log('  cluster of 2, the API sending stream bytes itself');
  await withCluster({ instances: 2, mediaOffload: false, serverMain, browserDir }, async (cluster) => {
    const { jwt } = await prepareViewer(cluster.apiUrl);
    figures.rows.segmentApi = {
      label: `GET segment (.ts), sent by the API through nginx, ${SEGMENT_CONNECTIONS} connections`,
      2: await measure({ url: await segmentUrl(cluster.apiUrl, jwt, 'tt1000'), connections: SEGMENT_CONNECTIONS, seconds, warmupSeconds, processes: processesOf(cluster) }),
    };
  });
  return figures;
}
