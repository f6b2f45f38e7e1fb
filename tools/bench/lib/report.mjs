// Targets and the printed table (Markdown, so README.md can carry it as is).
import { COMPARISON_GOALS, COMPARISON_TARGETS } from './compare.mjs';
import { STORE_LABELS, STORES } from './stores.mjs';

const KB = 1000;

function fixed(value, digits = 2) {
  return value === undefined || value === null || Number.isNaN(value) ? 'n/a' : Number(value).toFixed(digits);
}

function target(name, measured, limit, passed, unit = '') {
  return { name, measured, limit, unit, pass: Boolean(passed) };
}

/** Every target of issues 8 and 20, with the measured figure beside its limit. */
export function evaluateTargets(report) {
  const small = report.sizes[100];
  const large = report.sizes[100_000];
  const targets = [];
  for (const [key, figures] of Object.entries(report.sideBySide?.rows ?? {})) {
    const limit = COMPARISON_TARGETS[key];
    if (limit === undefined) continue;
    const goal = COMPARISON_GOALS[key] === undefined ? '' : ` (goal ${COMPARISON_GOALS[key]})`;
    targets.push(target(`${figures.label} req/s ÷ Express alone, same bytes, median of ${report.sideBySide.repeats}${goal}`, fixed(figures.ofExpress), `≥ ${limit}`, figures.ofExpress >= limit));
  }
  for (const [size, figures] of Object.entries(report.sizes)) {
    for (const key of ['catalog', 'title', 'recsHome']) {
      const p99 = figures[key].latencyMs.p99;
      targets.push(target(`${figures[key].label} p99 at 100 connections, ${Number(size).toLocaleString('en')} titles`, p99, '≤ 20', p99 <= 20, 'ms'));
    }
  }
  if (small && large) {
    const cost = small.catalog.requestsPerSecond / large.catalog.requestsPerSecond;
    const p50 = large.catalog.latencyMs.p50 / Math.max(small.catalog.latencyMs.p50, 1);
    targets.push(target('/catalog cost at 100 000 ÷ at 100 titles (by req/s)', fixed(cost), '≤ 1.3', cost <= 1.3));
    targets.push(target('/catalog p50 at 100 000 ÷ at 100 titles', fixed(p50), '≤ 1.3', p50 <= 1.3));
  }
  for (const [size, figures] of Object.entries(report.sizes)) {
    const rate = figures.heartbeat.requestsPerSecond;
    targets.push(target(`heartbeats/s, ${Number(size).toLocaleString('en')} titles`, rate, '≥ 5000', rate >= 5000, '/s'));
  }
  const memory = report.stores?.memory;
  if (memory && !memory.skipped) {
    for (const store of ['pglite', 'postgres']) {
      const figures = report.stores[store];
      if (!figures || figures.skipped) continue;
      const heartbeats = figures.heartbeat.requestsPerSecond / memory.heartbeat.requestsPerSecond;
      const catalog = figures.catalog.requestsPerSecond / memory.catalog.requestsPerSecond;
      if (store === 'postgres') targets.push(target(`heartbeats/s, ${STORE_LABELS[store]} ÷ memory`, fixed(heartbeats), '≥ 0.5', heartbeats >= 0.5));
      targets.push(target(`/catalog req/s, ${STORE_LABELS[store]} ÷ memory`, fixed(catalog), '≥ 0.9', catalog >= 0.9));
    }
  }
  const clusterCatalog = report.cluster?.rows?.catalog;
  if (clusterCatalog?.[1] && clusterCatalog?.[2]) {
    const ratio = clusterCatalog[2].requestsPerSecond / clusterCatalog[1].requestsPerSecond;
    targets.push(target('/catalog through nginx, 2 instances ÷ 1', fixed(ratio), '≥ 1.5', ratio >= 1.5));
  }
  for (const [store, sizes] of Object.entries(report.startup ?? {})) {
    const first = sizes[100_000]?.firstMs;
    if (store !== 'memory' && first !== undefined) targets.push(target(`first start with 100 000 titles, ${STORE_LABELS[store]} (seeding included)`, first, '≤ 30000', first <= 30_000, 'ms'));
  }
  if (report.loginStorm) {
    const p99 = report.loginStorm.storm.loopDelayMs.p99Ms;
    targets.push(target('event-loop delay p99 during the login storm', p99, '≤ 20', p99 <= 20, 'ms'));
  }
  if (report.bundle) {
    const gzip = report.bundle.initialGzipBytes / KB;
    targets.push(target('initial JS, gzip', fixed(gzip, 1), '≤ 150', gzip <= 150, 'kB'));
    targets.push(target('Shaka chunk not among the initial files', report.bundle.shakaInInitial ? 'in initial' : 'not initial', 'not initial', report.bundle.shakaChunks.length > 0 && !report.bundle.shakaInInitial));
  }
  if (report.browser) {
    targets.push(target('cold click on Play → `playing`, median of 5 fresh contexts', report.browser.clickToPlaying.medianMs, '≤ 600', report.browser.clickToPlaying.medianMs <= 600, 'ms'));
    targets.push(target('home page LCP, median of 5 fresh contexts', report.browser.lcp.medianMs, '≤ 1200', report.browser.lcp.medianMs <= 1200, 'ms'));
  }
  return targets;
}

/** Columns per catalog size in the endpoint table. */
const COLUMNS_PER_SIZE = 4;

function cpuCell(figures) {
  const { server, client } = figures.cpuPercent ?? {};
  return `${server ?? 'n/a'} / ${client ?? 'n/a'}`;
}

/** One size's cells of a measured row: req/s, p50, p99, CPU server / client. */
function endpointCells(figures) {
  const flag = figures.non2xx > 0 || figures.errors > 0 || figures.timeouts > 0 ? ` ⚠ ${figures.non2xx} non-2xx, ${figures.errors} errors` : '';
  return [`${figures.requestsPerSecond.toLocaleString('en')}${flag}`, figures.latencyMs.p50, figures.latencyMs.p99, cpuCell(figures)];
}

/** A table row: a label, then exactly COLUMNS_PER_SIZE cells per size, empty where not given. */
function row(label, cellsBySize, sizeCount) {
  const cells = [];
  for (let index = 0; index < sizeCount; index++) {
    const given = cellsBySize[index] ?? [];
    for (let column = 0; column < COLUMNS_PER_SIZE; column++) cells.push(given[column] ?? '');
  }
  return `| ${label} | ${cells.join(' | ')} |`;
}

export function formatReport(report) {
  const lines = [];
  const { machine, settings } = report;
  lines.push(`Taken ${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpuModel}, ${machine.nproc} cores (nproc), ${machine.memoryGiB} GiB, Node ${machine.node}; load average at start ${machine.loadAverageAtStart.join(' ')}.`);
  lines.push(`autocannon, ${settings.connections} connections, ${settings.seconds} s per row after a ${settings.warmupSeconds} s warm-up; API: production build, LOG_REQUESTS=false, BCRYPT_ROUNDS=${settings.bcryptRounds}; load client and server share the machine. CPU is % of one core used by the server / by the load client during the row: a client near 100 % while the server has room means the row measures autocannon, not the server.`);
  lines.push('');
  if (report.sideBySide?.rows) lines.push(...sideBySideTable(report.sideBySide), '');
  if (report.breakdownBefore) lines.push(`Before (source tree ${report.breakdownBefore.root}):`, '', ...breakdownTable(report.breakdownBefore), '');
  if (report.breakdown) lines.push(...(report.breakdownBefore ? ['After (this workspace):', ''] : []), ...breakdownTable(report.breakdown), '');
  else if (report.sideBySide?.skipped) lines.push(`Side by side not measured: ${report.sideBySide.skipped}.`, '');
  const sizes = Object.keys(report.sizes);
  const count = sizes.length;
  if (count > 0) lines.push(...endpointTable(report, sizes, count));
  if (report.loginStorm) {
    const { quiet, storm, logins, catalogConnections } = report.loginStorm;
    lines.push('');
    lines.push(`Login storm (100 titles): ${logins} concurrent logins in a loop (bcrypt cost 10) beside GET /catalog at ${catalogConnections} connections; event-loop delay from perf_hooks inside the API process.`);
    lines.push('');
    lines.push('| phase | /catalog req/s | /catalog p50 ms | /catalog p99 ms | loop delay p50 ms | loop delay p99 ms | loop delay max ms | logins/s | login p50 / p99 ms |');
    lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    lines.push(`| quiet | ${quiet.catalog.requestsPerSecond.toLocaleString('en')} | ${quiet.catalog.latencyMs.p50} | ${quiet.catalog.latencyMs.p99} | ${quiet.loopDelayMs.p50Ms} | ${quiet.loopDelayMs.p99Ms} | ${quiet.loopDelayMs.maxMs} | – | – |`);
    lines.push(`| storm | ${storm.catalog.requestsPerSecond.toLocaleString('en')} | ${storm.catalog.latencyMs.p50} | ${storm.catalog.latencyMs.p99} | ${storm.loopDelayMs.p50Ms} | ${storm.loopDelayMs.p99Ms} | ${storm.loopDelayMs.maxMs} | ${storm.loginsPerSecond} | ${storm.loginLatencyMs.p50} / ${storm.loginLatencyMs.p99} |`);
  }
  if (report.stores) {
    lines.push('');
    lines.push(`Each store, 100 titles, one run: the production API on memory, on PGlite in a fresh DATA_DIR, and on a fresh database of the PostgreSQL server on this machine (${settings.connections} connections unless the row says). Loop delay is the API's event-loop delay p99 during the row.`);
    lines.push('');
    lines.push(`| endpoint | ${STORES.map((store) => `${STORE_LABELS[store]}: req/s | p99 ms | loop p99 ms | CPU % server / client`).join(' | ')} |`);
    lines.push(`|---|${STORES.map(() => '--:|--:|--:|--:').join('|')}|`);
    const measured = STORES.find((store) => report.stores[store] && !report.stores[store].skipped);
    for (const key of Object.keys(report.stores[measured] ?? {})) {
      const cells = STORES.map((store) => {
        const figures = report.stores[store];
        if (!figures || figures.skipped) return 'not run | | |';
        const row = figures[key];
        return `${endpointCells(row)[0]} | ${row.latencyMs.p99} | ${row.loopDelayMs?.p99Ms ?? 'n/a'} | ${cpuCell(row)}`;
      });
      lines.push(`| ${report.stores[measured][key].label} | ${cells.join(' | ')} |`);
    }
    for (const store of STORES) if (report.stores[store]?.skipped) lines.push(`\n${STORE_LABELS[store]} not measured: ${report.stores[store].skipped}.`);
  }
  if (report.startup) {
    lines.push('');
    lines.push('Start-up, spawn to the first healthy answer (first: fresh data, so migrations and seeding; later: the same data again):');
    lines.push('');
    lines.push('| store | 100 titles: first ms | later ms | 100,000 titles: first ms | later ms |');
    lines.push('|---|--:|--:|--:|--:|');
    for (const store of STORES) {
      const sizes = report.startup[store];
      if (!sizes || sizes.skipped) continue;
      const cell = (size, key) => sizes[size]?.[key] ?? '–';
      lines.push(`| ${STORE_LABELS[store]} | ${cell(100, 'firstMs')} | ${cell(100, 'laterMs')} | ${cell(100_000, 'firstMs')} | ${cell(100_000, 'laterMs')} |`);
    }
  }
  if (report.cluster?.rows) {
    const cpu = (figures) =>
      Object.entries(figures.cpuPercent ?? {})
        .filter(([label]) => label !== 'server')
        .map(([label, value]) => `${label} ${value ?? 'n/a'}`)
        .join(', ');
    lines.push('');
    lines.push('The cluster (`npm run start:cluster`: instances of the production build behind nginx, on a PostgreSQL server database and Redis), one run; CPU is % of one core per process (client = the load generator):');
    lines.push('');
    lines.push('| row | 1 instance: req/s | p99 ms | CPU % | 2 instances: req/s | p99 ms | CPU % |');
    lines.push('|---|--:|--:|---|--:|--:|---|');
    for (const row of Object.values(report.cluster.rows)) {
      const cells = [1, 2].map((instances) => (row[instances] ? `${endpointCells(row[instances])[0]} | ${row[instances].latencyMs.p99} | ${cpu(row[instances])}` : '– | – | –'));
      lines.push(`| ${row.label} | ${cells.join(' | ')} |`);
    }
  } else if (report.cluster?.skipped) {
    lines.push('');
    lines.push(`The cluster was not measured: ${report.cluster.skipped}.`);
  }
  if (report.bundle) {
    const { bundle } = report;
    lines.push('');
    lines.push(`Web app: initial JS ${(bundle.initialBytes / KB).toFixed(1)} kB raw, ${(bundle.initialGzipBytes / KB).toFixed(1)} kB gzip (${bundle.initialFiles.length} files: ${bundle.initialFiles.map((file) => file.name).join(', ')}); Shaka chunk ${bundle.shakaChunks.join(', ') || 'not found'}.`);
  }
  if (report.browser) {
    const { browser } = report;
    lines.push(`Headless Chromium, a fresh context per run (${browser.session}): click on Play → playing ${browser.clickToPlaying.runsMs.join(', ')} ms (median ${browser.clickToPlaying.medianMs}) after reading the title page, ${browser.clickToPlayingAtOnce.runsMs.join(', ')} ms (median ${browser.clickToPlayingAtOnce.medianMs}) clicked as soon as Play shows; home LCP ${browser.lcp.runs.map((run) => `${run.ms} (${run.element})`).join(', ')} ms (median ${browser.lcp.medianMs}).`);
  }
  lines.push('');
  lines.push('| target | measured | limit | |');
  lines.push('|---|--:|--:|---|');
  for (const entry of report.targets) lines.push(`| ${entry.name} | ${entry.measured}${entry.unit && entry.unit !== '/s' ? ` ${entry.unit}` : ''} | ${entry.limit}${entry.unit ? ` ${entry.unit}` : ''} | ${entry.pass ? 'PASS' : '**MISS**'} |`);
  return lines.join('\n');
}

/** Requests per endpoint at each catalog size, with the raw and Express baselines. */
function endpointTable(report, sizes, count) {
  const lines = [];
  lines.push(`| endpoint | ${sizes.map((size) => `${Number(size).toLocaleString('en')} titles: req/s | p50 ms | p99 ms | CPU % server / client`).join(' | ')} |`);
  lines.push(`|---|${sizes.map(() => '--:|--:|--:|--:').join('|')}|`);
  for (const key of Object.keys(report.sizes[sizes[0]])) {
    lines.push(row(report.sizes[sizes[0]][key].label, sizes.map((size) => endpointCells(report.sizes[size][key])), count));
  }
  return lines;
}

const SIDE_BY_SIDE_SERVERS = [
  ['api', 'the API'],
  ['before', 'the API, earlier build'],
  ['nest', 'Nest alone, same answer'],
  ['express', 'Express alone, same answer'],
  ['raw', 'raw node:http, same answer'],
];

/** Issue 20's rows: per endpoint the API, Express alone and raw node:http, medians of alternated runs. */
function sideBySideTable(sideBySide) {
  const lines = [];
  if (sideBySide.before) lines.push(`"The API, earlier build" is ${sideBySide.before}, on the same database, alternated with the rest.`);
  lines.push(
    `Side by side (issue 20): the API on the ${STORE_LABELS[sideBySide.store]} store, ${sideBySide.size} titles, and three servers replaying its answer (status, headers, bytes), each in its own process (Nest on Express with one route and nothing of ours; Express alone; raw node:http); all four alternated, ${sideBySide.repeats} runs each, the median run kept. ⚠ marks a run whose load client used ≥ 90 % of a core (it then measures autocannon as much as the server).`,
  );
  lines.push('');
  lines.push('| endpoint | server | req/s (median) | runs req/s | p50 ms | p99 ms | CPU % server / client | server CPU µs / request | ÷ Express alone (req/s) | ÷ raw (req/s) | Express CPU µs ÷ this CPU µs |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const figures of Object.values(sideBySide.rows)) {
    for (const [kind, name] of SIDE_BY_SIDE_SERVERS.filter(([entry]) => figures[entry])) {
      const run = figures[kind];
      const ofRaw = (rate) => fixed(rate / figures.raw.requestsPerSecond);
      const ratios = {
        api: [fixed(figures.ofExpress), fixed(figures.ofRaw), fixed(figures.cpuOfExpress)],
        before: [fixed(figures.beforeOfExpress), ofRaw(run.requestsPerSecond), fixed(figures.beforeCpuOfExpress)],
        nest: [fixed(figures.nestOfExpress), ofRaw(run.requestsPerSecond), fixed(figures.nestCpuOfExpress)],
        express: ['1.00', fixed(figures.expressOfRaw), '1.00'],
        raw: ['', '1.00', ''],
      }[kind];
      const label = kind === 'api' ? `${figures.label} (${figures.bodyBytes} B, ${figures.status})` : '';
      lines.push(`| ${label} | ${name} | ${endpointCells(run)[0]}${run.clientBound ? ' ⚠ client-bound' : ''} | ${figures.runs[kind].map((rate) => rate.toLocaleString('en')).join(', ')} | ${run.latencyMs.p50} | ${run.latencyMs.p99} | ${cpuCell(run)} | ${run.microsPerRequest ?? 'n/a'} | ${ratios.join(' | ')} |`);
    }
  }
  return lines;
}

/** What each stage of an authenticated GET /catalog costs, from removing it alone. */
function breakdownTable(breakdown) {
  const { all } = breakdown;
  const lines = [];
  lines.push(
    `Cost breakdown of one authenticated GET /catalog (memory store, the API from source with bench-only stage switches, tools/bench/request-stages-server.ts): all stages, then all but one, alternated, ${breakdown.repeats} runs each, medians. All stages: ${all.requestsPerSecond.toLocaleString('en')} req/s, ${all.microsPerRequest} µs of server CPU per request. A stage's cost is the CPU per request it saves when skipped.`,
  );
  lines.push('');
  lines.push('| stage skipped | req/s | server CPU µs / request | saved µs | share of the request | req/s ÷ all stages |');
  lines.push('|---|--:|--:|--:|--:|--:|');
  for (const stage of breakdown.stages) {
    const rate = Math.round(stage.speedup * all.requestsPerSecond);
    lines.push(`| ${stage.stage} | ${rate.toLocaleString('en')} | ${stage.microsPerRequest ?? 'n/a'} | ${stage.savedMicros ?? 'n/a'} | ${stage.savedShare === undefined ? 'n/a' : `${Math.round(stage.savedShare * 100)} %`} | ${fixed(stage.speedup)} |`);
  }
  return lines;
}

export function printReport(report) {
  process.stdout.write(`${formatReport(report)}\n`);
}
