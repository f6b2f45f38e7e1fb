// What checking a path-signed stream URL costs per request, against what a query-string token would
// add: rewriting every URI of each playlist so the token follows it (decides docs/adr/0003).
// Run: node tools/experiments/stream-url-cost.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const ROUNDS = 200_000;
const key = createHmac('sha256', 'experiment-secret').update('stream-token').digest();
const payload = `tt1000.${Buffer.from('user_0123456789').toString('base64url')}.login_0123456789.${Math.floor(Date.now() / 1000) + 21600}`;
const token = `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
const playlist = readFileSync(new URL('../../server/media/programmes/prog-01/360p/index.m3u8', import.meta.url), 'utf8');

/** The path token's whole check: split, recompute the MAC, compare in constant time, read the expiry. */
function verify(text) {
  const cut = text.lastIndexOf('.');
  const given = Buffer.from(text.slice(cut + 1), 'base64url');
  const expected = createHmac('sha256', key).update(text.slice(0, cut)).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) && Number(text.slice(text.lastIndexOf('.', cut - 1) + 1, cut)) > Date.now() / 1000;
}

/** What a query-string token needs on top of the check: every URI line of the playlist rewritten. */
function rewrite(text, query) {
  return text
    .split('\n')
    .map((line) => (line && !line.startsWith('#') ? `${line}?${query}` : line.replace(/URI="([^"]+)"/, (_m, uri) => `URI="${uri}?${query}"`)))
    .join('\n');
}

function timePerCall(label, fn) {
  for (let i = 0; i < 10_000; i++) fn();
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) fn();
  const micros = ((performance.now() - started) * 1000) / ROUNDS;
  console.log(`${label.padEnd(46)}${micros.toFixed(2).padStart(8)} µs`);
}

console.log(`playlist: ${playlist.split('\n').filter((line) => line && !line.startsWith('#')).length} segment URIs, ${playlist.length} bytes`);
timePerCall('verify the path token', () => verify(token));
timePerCall('rewrite the playlist for a query token', () => rewrite(playlist, `token=${token}`));
