// HTTP load with autocannon, and the few API calls the benchmark needs to set itself up.
import autocannon from 'autocannon';

/**
 * Requests/s and latency of one request shape at a fixed number of connections: a short warm-up
 * whose figures are thrown away, then the measured run.
 */
export async function measure({ url, method = 'GET', headers = {}, body, connections = 100, seconds = 10, warmupSeconds = 2 }) {
  const options = { url, method, headers, body, connections, timeout: 10 };
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  const result = await autocannon({ ...options, duration: seconds });
  return summarise(result, seconds);
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

export async function call(apiUrl, method, path, { jwt, body } = {}) {
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
