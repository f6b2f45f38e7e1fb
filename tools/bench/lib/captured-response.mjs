// One real answer of the API (status, headers, body) kept in a file, so the comparison servers can
// send exactly what the API sent: the same bytes and the same headers, security headers included.
import { readFileSync, writeFileSync } from 'node:fs';

/** Headers a server writes for itself per response or per connection; the replaying server makes its own. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * Calls the API once and writes its answer to `file`.
 * @param {string} file
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} [init]
 */
export async function captureResponse(file, url, init = {}) {
  const response = await fetch(url, init);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status >= 400) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${body.toString('utf8').slice(0, 300)}`);
  /** @type {[string, string][]} */
  const headers = [];
  response.headers.forEach((value, name) => {
    if (!PER_RESPONSE.has(name)) headers.push([name, value]);
  });
  const captured = { status: response.status, headers, body: body.toString('base64') };
  writeFileSync(file, JSON.stringify(captured));
  return { status: captured.status, headers, bodyBytes: body.length };
}

/**
 * The answer a comparison server replays.
 * @param {string} file
 * @returns {{ status: number, headers: [string, string][], body: Buffer }}
 */
export function readCapturedResponse(file) {
  const captured = JSON.parse(readFileSync(file, 'utf8'));
  return { status: captured.status, headers: captured.headers, body: Buffer.from(captured.body, 'base64') };
}
