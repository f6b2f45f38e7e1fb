// Why the first bench's "Express alone" row read 5 776 req/s (docs/adr/0006): the candidate causes
// measured side by side, alternated, each run repeated, with the server CPU per request of each:
//   old floor      the first bench's Express server: the /catalog body only, Content-Type, Express's own ETag
//   replay floor   Express replaying the API's whole answer (status, every header, the same bytes)
//   raw            node:http replaying the same answer
//   in-process     the replay floor inside the load client's own process (what "in-process" would cost)
// Needs an answer captured by `npm run bench` (dist/bench/replay-catalog.json).
// Run: node tools/bench/express-floor-experiment.mjs [--seconds=5] [--repeats=3]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCapturedResponse } from './lib/captured-response.mjs';
import { cpuMicrosPerRequest } from './lib/breakdown.mjs';
import { measure } from './lib/load.mjs';
import { ROOT, sparePort, startBaselineServer } from './lib/processes.mjs';
import { medianRun } from './lib/repeats.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const SECONDS = Number(option('seconds') ?? 5);
const REPEATS = Number(option('repeats') ?? 3);
const REPLAY_FILE = resolve(ROOT, 'dist/bench/replay-catalog.json');

/** The first bench's floor, as it was: res.type(contentType).send(body) and nothing else. */
const OLD_FLOOR = `
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const express = createRequire(createRequire(${JSON.stringify(join(ROOT, 'package.json'))}).resolve('@nestjs/platform-express'))('express');
const body = readFileSync(process.env.OLD_BODY_FILE);
const app = express();
app.disable('x-powered-by');
app.get('/', (request, response) => { response.type('application/json; charset=utf-8').send(body); });
const server = app.listen(Number(process.env.OLD_PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function startOldFloor(bodyFile) {
  const port = await sparePort();
  const script = resolve(ROOT, 'dist/bench/old-express-floor.mjs');
  writeFileSync(script, OLD_FLOOR);
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, OLD_PORT: String(port), OLD_BODY_FILE: bodyFile } });
  await sleep(1500);
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: async () => child.kill('SIGTERM') };
}

/** The replay floor inside this process: the load client and the server then share one thread. */
async function startInProcessFloor() {
  const express = createRequire(createRequire(join(ROOT, 'package.json')).resolve('@nestjs/platform-express'))('express');
  const { status, headers, body } = readCapturedResponse(REPLAY_FILE);
  const app = express();
  app.disable('x-powered-by');
  app.get('/catalog', (request, response) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    response.status(status).send(body);
  });
  const port = await sparePort();
  const server = await new Promise((done) => {
    const listening = app.listen(port, '127.0.0.1', () => done(listening));
  });
  return { url: `http://127.0.0.1:${port}`, pid: process.pid, stop: async () => server.close() };
}

async function main() {
  const bodyFile = resolve(ROOT, 'dist/bench/replay-catalog-body.json');
  writeFileSync(bodyFile, readCapturedResponse(REPLAY_FILE).body);
  /** @type {{ name: string, server: { url: string, pid: number, stop: () => Promise<unknown> }, path: string }[]} */
  const servers = [
    { name: 'old floor', server: await startOldFloor(bodyFile), path: '/' },
    { name: 'replay floor', server: await startBaselineServer({ kind: 'express', replayFile: REPLAY_FILE, method: 'GET', path: '/catalog' }), path: '/catalog' },
    { name: 'raw', server: await startBaselineServer({ kind: 'raw', replayFile: REPLAY_FILE }), path: '/catalog' },
    { name: 'in-process', server: await startInProcessFloor(), path: '/catalog' },
  ];
  const runs = new Map(servers.map(({ name }) => [name, []]));
  try {
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const { name, server, path } of servers) {
        process.stderr.write(`[experiment] ${name}, run ${repeat + 1} of ${REPEATS}\n`);
        runs.get(name).push(await measure({ url: `${server.url}${path}`, connections: 100, seconds: SECONDS, warmupSeconds: repeat === 0 ? 2 : 0, serverPid: server.pid }));
      }
    }
  } finally {
    for (const { server } of servers) await server.stop();
  }
  process.stdout.write('| server | req/s (median) | runs req/s | p99 ms | CPU % server / client | server CPU µs / request (median run) | bytes / response |\n|---|--:|--:|--:|--:|--:|--:|\n');
  for (const [name, list] of runs) {
    const median = medianRun(list);
    process.stdout.write(`| ${name} | ${median.requestsPerSecond} | ${list.map((run) => run.requestsPerSecond).join(', ')} | ${median.latencyMs.p99} | ${median.cpuPercent.server} / ${median.cpuPercent.client} | ${cpuMicrosPerRequest(median) ?? 'n/a'} | ${median.bytesPerRequest} |\n`);
  }
  process.stdout.write('(in-process: the server figure is the whole process, load client included.)\n');
}

main().catch((error) => {
  process.stderr.write(`experiment failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
