// HTTP load with autocannon, and the few API calls the benchmark needs to set itself up.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/** The curated titles that are series: a heartbeat for one needs an episode, so the heartbeat row leaves them out. */
const SERIES_IDS = new Set(
  JSON.parse(readFileSync(new URL('../../../server/src/catalog/data/curated-series.json', import.meta.url), 'utf8')).map((/** @type {{ titleId: string }} */ series) => series.titleId),
);
/** The curated films, tt1000 onwards. */
const FILM_IDS = Array.from({ length: 100 }, (_, index) => `tt${1000 + index}`).filter((id) => !SERIES_IDS.has(id));

/** Clock ticks per second of /proc/<pid>/stat's CPU times; 100 on Linux everywhere we run. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; undefined where unreadable. */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function percentOf(seconds, wallSeconds) {
  return seconds === undefined ? undefined : Math.round((100 * seconds) / wallSeconds);
}

/**
 * Requests/s and latency of one request shape at a fixed number of connections: a short warm-up
 * whose figures are thrown away, then the measured run. With `serverPid`, also how busy the server
 * and this process (the load client: autocannon runs here) were, in % of one core: a row whose
 * client sits at ~100 % while the server has room measures the client, not the server.
 * `processes` ([{ label, pids: () => [pid] }]) adds the same figure for each labelled group.
 * @param {object} row
 * @param {string} row.url
 * @param {string} [row.method]
 * @param {Record<string, string>} [row.headers]
 * @param {string} [row.body]
 * @param {number} [row.connections]
 * @param {number} [row.seconds]
 * @param {number} [row.warmupSeconds]
 * @param {number} [row.serverPid]
 * @param {{ label: string, pids: () => number[] }[]} [row.processes]
 * @param {(client: any) => void} [row.setupClient]
 * @param {string} [row.key] the row's name in the report, not used here
 * @param {string} [row.label] the row's label in the report, not used here
 */
export async function measure({ url, method = 'GET', headers = {}, body, connections = 100, seconds = 10, warmupSeconds = 2, serverPid, processes = [], setupClient }) {
  const options = { url, method, headers, body, connections, timeout: 10, ...(setupClient ? { setupClient } : {}) };
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  const processesBefore = processes.map(({ pids }) => pids().map(processCpuSeconds));
  const serverBefore = serverPid === undefined ? undefined : processCpuSeconds(serverPid);
  const clientBefore = process.cpuUsage();
  const startedAt = performance.now();
  const result = await autocannon({ ...options, duration: seconds });
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = serverPid === undefined ? undefined : processCpuSeconds(serverPid);
  const cpuPercent = {
    server: serverBefore === undefined || serverAfter === undefined ? undefined : percentOf(serverAfter - serverBefore, wallSeconds),
    client: percentOf((client.user + client.system) / 1e6, wallSeconds),
  };
  // Other processes by label (an instance, nginx with its workers): the sum over their pids.
  processes.forEach(({ label, pids }, index) => {
    const after = pids().map(processCpuSeconds);
    const used = after.reduce((sum, seconds, pidIndex) => sum + (seconds ?? 0) - (processesBefore[index][pidIndex] ?? seconds ?? 0), 0);
    cpuPercent[label] = percentOf(used, wallSeconds);
  });
  return { ...summarise(result, seconds), cpuPercent };
}

function summarise(result, seconds) {
  return {
    connections: result.connections,
    seconds,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, mean: round(result.latency.mean) },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerRequest: result.requests.total > 0 ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

function round(value, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * @param {string} apiUrl
 * @param {string} method
 * @param {string} path
 * @param {{ jwt?: string, body?: unknown }} [options]
 */
export async function call(apiUrl, method, path, { jwt, body } = {}) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (jwt) headers.authorization = `Bearer ${jwt}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

export async function signUp(apiUrl, label) {
  const email = `bench-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'bench password 123';
  const response = await call(apiUrl, 'POST', '/auth/signup', { body: { email, password, name: `Bench ${label}` } });
  const { jwt } = await response.json();
  return { email, password, jwt };
}

/** A signed segment URL: /play/start, then the master playlist, a variant playlist, its first .ts. */
export async function segmentUrl(apiUrl, jwt, titleId) {
  const start = await (await call(apiUrl, 'POST', '/play/start', { jwt, body: { titleId } })).json();
  const master = new URL(start.hlsUrl);
  const variant = new URL(firstUri(await (await fetch(master)).text(), (uri) => uri.includes('.m3u8')), master);
  const segment = new URL(firstUri(await (await fetch(variant)).text(), (uri) => !uri.includes('.m3u8')), variant);
  return segment.href;
}

function firstUri(playlist, wanted) {
  const uri = playlist
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#') && wanted(line));
  if (!uri) throw new Error(`no matching URI in playlist:\n${playlist.slice(0, 400)}`);
  return uri;
}

/** One signed-in viewer with a little history, so /recs/home has its personal rows. */
export async function prepareViewer(apiUrl) {
  const viewer = await signUp(apiUrl, 'load');
  const { jwt } = viewer;
  for (const titleId of ['tt1001', 'tt1002', 'tt1005']) {
    await call(apiUrl, 'POST', '/play/start', { jwt, body: { titleId } });
    await call(apiUrl, 'POST', '/play/heartbeat', { jwt, body: { titleId, position: 10 } });
  }
  await call(apiUrl, 'PUT', '/me/list/tt1004', { jwt });
  await call(apiUrl, 'PUT', '/me/ratings/tt1002', { jwt, body: { rating: 'love' } });
  return viewer;
}

/**
 * A heartbeat row as viewers make them: each connection reports its own title (one viewer, the
 * curated films), so the writes land on different rows, as they do in life, rather
 * than all waiting for one row's lock.
 */
export function heartbeatRow(apiUrl, jwt, label = 'POST /play/heartbeat (a title per connection)') {
  let connection = 0;
  return {
    key: 'heartbeat',
    label,
    url: `${apiUrl}/play/heartbeat`,
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify({ titleId: 'tt1000', position: 12 }),
    setupClient: (client) => client.setBody(JSON.stringify({ titleId: FILM_IDS[connection++ % FILM_IDS.length], position: 12 })),
  };
}
