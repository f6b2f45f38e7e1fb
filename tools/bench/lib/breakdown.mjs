// The cost of each stage of one authenticated GET /catalog: the API from source with stage switches
// (request-stages-server.ts), one process, "all stages" alternated with "all but one" in one run,
// each repeated and the median kept. A stage's cost is the server CPU per request it saves, which
// on a shared machine varies less than the request rate does.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { measure, prepareViewer } from './load.mjs';
import { ROOT, sparePort } from './processes.mjs';
import { medianRun } from './repeats.mjs';

const STAGE_SERVER = 'tools/bench/request-stages-server.ts';

/** Server CPU time per request, in µs, of one measured run. */
export function cpuMicrosPerRequest(run) {
  const server = run.cpuPercent?.server;
  if (server === undefined || run.requestsPerSecond === 0) return undefined;
  return Math.round(((server / 100) * 1e6) / run.requestsPerSecond);
}

/**
 * Each stage's share from the medians: CPU µs per request with all stages minus without it, and
 * req/s without it ÷ with all.
 * @param {{ requestsPerSecond: number, cpuPercent?: { server?: number } }} all
 * @param {Record<string, { requestsPerSecond: number, cpuPercent?: { server?: number } }>} without
 */
export function stageCosts(all, without) {
  const allMicros = cpuMicrosPerRequest(all);
  return Object.entries(without).map(([stage, run]) => {
    const micros = cpuMicrosPerRequest(run);
    return {
      stage,
      microsPerRequest: micros,
      savedMicros: allMicros === undefined || micros === undefined ? undefined : allMicros - micros,
      savedShare: allMicros === undefined || micros === undefined ? undefined : (allMicros - micros) / allMicros,
      speedup: run.requestsPerSecond / all.requestsPerSecond,
    };
  });
}

/**
 * Starts the switchable API, signs a viewer in, and measures GET /catalog per stage. `root` is the
 * source tree to run (default this workspace; an earlier commit's server/src, tsconfig files and
 * the stage server, extracted under dist/, gives the breakdown before a change).
 */
export async function breakdownFigures({ root = ROOT, env, repeats, seconds, warmupSeconds, connections, log }) {
  const port = await sparePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', resolve(root, STAGE_SERVER)], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: {
      ...process.env,
      TS_NODE_PROJECT: resolve(root, 'server/tsconfig.spec.json'),
      MEDIA_DIR: resolve(ROOT, 'server/media'),
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('base64url'),
      JWT_TTL_SECONDS: '3600',
      PORT: String(port),
      PUBLIC_URL: url,
      CATALOG_SIZE: '100',
      BCRYPT_ROUNDS: '10',
      SIGNUP_MAX_PER_ADDRESS: '1000000',
      LOG_REQUESTS: 'false',
      ...env,
    },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the stage-switch server ended');
    return value;
  };
  try {
    const first = await nextLine();
    if (first !== 'listening') throw new Error(`the stage-switch server said ${first}`);
    const stages = (await nextLine()).split(',');
    const { jwt } = await prepareViewer(url);
    const row = { url: `${url}/catalog`, headers: { authorization: `Bearer ${jwt}` }, connections, seconds, serverPid: child.pid };
    const variants = ['', ...stages];
    /** @type {Record<string, any[]>} */
    const runs = Object.fromEntries(variants.map((variant) => [variant, []]));
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const variant of variants) {
        child.stdin.write(`without ${variant}\n`);
        const answer = await nextLine();
        if (answer !== 'ok') throw new Error(`the stage-switch server refused "without ${variant}": ${answer}`);
        log(`  breakdown: ${variant ? `without ${variant}` : 'all stages'}, run ${repeat + 1} of ${repeats}`);
        // One longer warm-up before the first run: the code is then as hot for every variant.
        runs[variant].push(await measure({ ...row, warmupSeconds: repeat === 0 && variant === '' ? warmupSeconds : 0 }));
      }
    }
    const all = medianRun(runs['']);
    const without = Object.fromEntries(stages.map((stage) => [stage, medianRun(runs[stage])]));
    return { root, repeats, all: { ...all, microsPerRequest: cpuMicrosPerRequest(all) }, stages: stageCosts(all, without), runs: Object.fromEntries(Object.entries(runs).map(([variant, list]) => [variant || 'all', list.map((run) => run.requestsPerSecond)])) };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}
