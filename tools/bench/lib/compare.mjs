// The API side by side with Express alone and raw node:http sending the very answer the API sent
// (status, headers, bytes), each in its own process, in one run: API, Express, raw, API, Express,
// raw, … so a change in the machine's load falls on all three alike. Each row is repeated and the
// median run kept; ratios are of medians. Beside the req/s ratio, the CPU ratio (Express's server
// CPU per request ÷ the API's) says the same where the machine is quiet and stays meaningful where
// it is crowded and the processes get unequal shares of it.
import { join } from 'node:path';
import { captureResponse } from './captured-response.mjs';
import { measure } from './load.mjs';
import { startBaselineServer } from './processes.mjs';
import { clientBound, medianRun } from './repeats.mjs';
import { cpuMicrosPerRequest } from './breakdown.mjs';

/** Issue 20's floors: the API's median req/s ÷ Express alone's with the same bytes. */
export const COMPARISON_TARGETS = { catalog: 0.6, title: 0.6, heartbeat: 0.4, recsHome: 0.3 };
export const COMPARISON_GOALS = { catalog: 0.8 };

const SERVERS = [
  ['api', 'the API'],
  ['before', 'the API, earlier build'],
  ['nest', 'Nest alone'],
  ['express', 'Express alone'],
  ['raw', 'raw node:http'],
];

/**
 * @param {object} options
 * @param {{ url: string, pid: number }} options.api
 * @param {{ url: string, pid: number }} [options.before] an earlier build on the same data and secret, alternated with the rest
 * @param {{ key: string, label: string, path: string, route: string, method?: string, headers?: Record<string, string>, body?: string, setupClient?: (client: any) => void }[]} options.rows
 *   `path` is the request's path, `route` the Express pattern the floor listens on.
 * @param {string} options.outDir where the captured answers are kept
 * @param {number} options.repeats
 * @param {number} options.seconds
 * @param {number} options.warmupSeconds
 * @param {number} options.connections
 * @param {(message: string) => void} options.log
 */
export async function comparisonFigures({ api, before, rows, outDir, repeats, seconds, warmupSeconds, connections, log }) {
  const figures = {};
  for (const row of rows) {
    const replayFile = join(outDir, `replay-${row.key}.json`);
    const method = row.method ?? 'GET';
    const captured = await captureResponse(replayFile, `${api.url}${row.path}`, { method, headers: row.headers, body: row.body });
    /** @type {Record<string, { url: string, pid: number, stop?: () => Promise<void> }>} */
    const servers = { api, ...(before ? { before } : {}) };
    try {
      servers.nest = await startBaselineServer({ kind: 'nest', replayFile, method, path: row.route });
      servers.express = await startBaselineServer({ kind: 'express', replayFile, method, path: row.route });
      servers.raw = await startBaselineServer({ kind: 'raw', replayFile });
      /** @type {Record<string, any[]>} */
      const runs = Object.fromEntries(SERVERS.filter(([kind]) => kind !== 'before' || before).map(([kind]) => [kind, []]));
      for (let repeat = 0; repeat < repeats; repeat++) {
        for (const [kind, name] of SERVERS.filter(([entry]) => runs[entry])) {
          log(`  ${row.label}, ${name}, run ${repeat + 1} of ${repeats}`);
          const url = `${servers[kind].url}${row.path}`;
          runs[kind].push(
            await measure({ url, method, headers: row.headers, body: row.body, setupClient: row.setupClient, connections, seconds, warmupSeconds: repeat === 0 ? warmupSeconds : 0, serverPid: servers[kind].pid }),
          );
        }
      }
      const median = Object.fromEntries(
        Object.entries(runs).map(([kind, list]) => {
          const run = medianRun(list);
          return [kind, { ...run, clientBound: clientBound(run), microsPerRequest: cpuMicrosPerRequest(run) }];
        }),
      );
      // Where the servers get unequal shares of a crowded machine, CPU per request compares their own cost.
      const cpuOfExpress = (kind) => (median[kind]?.microsPerRequest && median.express.microsPerRequest ? median.express.microsPerRequest / median[kind].microsPerRequest : undefined);
      figures[row.key] = {
        label: row.label,
        status: captured.status,
        bodyBytes: captured.bodyBytes,
        headerNames: captured.headers.map(([name]) => name),
        ...median,
        runs: Object.fromEntries(Object.entries(runs).map(([kind, list]) => [kind, list.map((run) => run.requestsPerSecond)])),
        ofExpress: median.api.requestsPerSecond / median.express.requestsPerSecond,
        cpuOfExpress: cpuOfExpress('api'),
        ...(median.before ? { beforeOfExpress: median.before.requestsPerSecond / median.express.requestsPerSecond, beforeCpuOfExpress: cpuOfExpress('before') } : {}),
        ofRaw: median.api.requestsPerSecond / median.raw.requestsPerSecond,
        // Nest on Express with nothing of ours: how much of the gap to Express is the framework's.
        nestOfExpress: median.nest.requestsPerSecond / median.express.requestsPerSecond,
        nestCpuOfExpress: cpuOfExpress('nest'),
        expressOfRaw: median.express.requestsPerSecond / median.raw.requestsPerSecond,
      };
    } finally {
      await servers.nest?.stop();
      await servers.express?.stop();
      await servers.raw?.stop();
    }
  }
  return figures;
}
