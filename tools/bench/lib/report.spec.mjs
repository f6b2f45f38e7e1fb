import { evaluateTargets, formatReport } from './report.mjs';

/** The figures autocannon gives one row. */
function row(label, requestsPerSecond, p50, p99, extra = {}) {
  return { label, requestsPerSecond, latencyMs: { p50, p99 }, non2xx: 0, errors: 0, timeouts: 0, cpuPercent: { server: 105, client: 20 }, ...extra };
}

function sizeFigures(scale) {
  return {
    catalog: row('GET /catalog', 2400 * scale, 37, 68),
    title: row('GET /titles/:id', 2500 * scale, 37, 19),
    recsHome: row('GET /recs/home', 1100 * scale, 77, 170),
    heartbeat: row('POST /play/heartbeat', 5200 * scale, 38, 68),
  };
}

/** One side-by-side row as compare.mjs leaves it: medians of the API, Nest alone, Express alone and raw. */
function sideBySideRow(label, api, express, raw) {
  const nest = Math.round(express * 0.9);
  return {
    label,
    status: 200,
    bodyBytes: 3187,
    api: { ...row('api', api, 30, 60), clientBound: false, microsPerRequest: 438 },
    nest: { ...row('nest', nest, 22, 45), clientBound: false, microsPerRequest: 290 },
    express: { ...row('express', express, 20, 40), clientBound: false, microsPerRequest: 263 },
    raw: { ...row('raw', raw, 3, 8, { cpuPercent: { server: 70, client: 95 } }), clientBound: true, microsPerRequest: 35 },
    runs: { api: [api - 100, api, api + 50], nest: [nest, nest, nest], express: [express, express + 10, express - 10], raw: [raw, raw, raw] },
    ofExpress: api / express,
    cpuOfExpress: 263 / 438,
    ofRaw: api / raw,
    expressOfRaw: express / raw,
    nestOfExpress: nest / express,
    nestCpuOfExpress: 263 / 290,
  };
}

/** A report as run-bench.mjs writes it, for two catalog sizes and the baselines. */
function benchReport(overrides = {}) {
  return {
    machine: { date: '2026-11-24T16:41:07.000Z', cpuModel: 'AMD EPYC', nproc: 2, memoryGiB: 23.5, node: 'v20.20.2', loadAverageAtStart: [0.5, 1.11, 1.12] },
    settings: { connections: 100, seconds: 10, warmupSeconds: 2, bcryptRounds: 10 },
    sizes: { 100: sizeFigures(1), 100000: sizeFigures(0.9) },
    sideBySide: {
      store: 'postgres',
      size: 100,
      repeats: 3,
      rows: {
        catalog: sideBySideRow('GET /catalog', 2400, 4000, 20000),
        heartbeat: sideBySideRow('POST /play/heartbeat', 1000, 4000, 20000),
      },
    },
    ...overrides,
  };
}

const byName = (targets, name) => targets.find((target) => target.name === name);

describe('evaluateTargets', () => {
  it('sets each measured figure beside its limit of issue 8 and says whether it passes', () => {
    const targets = evaluateTargets(benchReport());
    expect(byName(targets, 'GET /titles/:id p99 at 100 connections, 100 titles').pass).toBe(true);
    expect(byName(targets, 'GET /catalog p99 at 100 connections, 100,000 titles')).toMatchObject({ measured: 68, unit: 'ms', pass: false });
    expect(byName(targets, 'heartbeats/s, 100 titles').pass).toBe(true);
    expect(byName(targets, 'heartbeats/s, 100,000 titles')).toMatchObject({ measured: 4680, pass: false });
  });

  it("holds each side-by-side row to issue 20's share of Express alone", () => {
    const targets = evaluateTargets(benchReport());
    expect(byName(targets, 'GET /catalog req/s ÷ Express alone, same bytes, median of 3 (goal 0.8)')).toEqual({
      name: 'GET /catalog req/s ÷ Express alone, same bytes, median of 3 (goal 0.8)',
      measured: '0.60',
      limit: '≥ 0.6',
      unit: '',
      pass: true,
    });
    expect(byName(targets, 'POST /play/heartbeat req/s ÷ Express alone, same bytes, median of 3')).toMatchObject({ measured: '0.25', limit: '≥ 0.4', pass: false });
  });

  it('compares the two catalog sizes: 100 000 titles may cost at most 1.3 times 100', () => {
    const targets = evaluateTargets(benchReport());
    expect(byName(targets, '/catalog cost at 100 000 ÷ at 100 titles (by req/s)')).toMatchObject({ measured: '1.11', pass: true });
    const slow = benchReport({ sizes: { 100: sizeFigures(1), 100000: sizeFigures(0.5) } });
    expect(byName(evaluateTargets(slow), '/catalog cost at 100 000 ÷ at 100 titles (by req/s)')).toMatchObject({ measured: '2.00', pass: false });
  });

  it('leaves out the targets of parts that were not measured', () => {
    const targets = evaluateTargets(benchReport({ sizes: { 100: sizeFigures(1) }, sideBySide: undefined }));
    expect(targets.map((target) => target.name)).toEqual([
      'GET /catalog p99 at 100 connections, 100 titles',
      'GET /titles/:id p99 at 100 connections, 100 titles',
      'GET /recs/home p99 at 100 connections, 100 titles',
      'heartbeats/s, 100 titles',
    ]);
  });

  it('passes the web app targets only when Shaka is out of the initial files and cold play and LCP are within their limits', () => {
    const bundle = { initialBytes: 286_600, initialGzipBytes: 88_400, initialFiles: [{ name: 'main-6BRX5T43.js' }], shakaChunks: ['chunk-34LIYQE4.js'], shakaInInitial: false };
    const browser = { shakaRequestedBeforePlay: true, clickToPlaying: { runsMs: [600], medianMs: 600 }, clickToPlayingAtOnce: { runsMs: [900], medianMs: 900 }, lcp: { runs: [{ ms: 1200, element: 'IMG' }], medianMs: 1200 } };
    const targets = evaluateTargets(benchReport({ bundle, browser }));
    expect(byName(targets, 'initial JS, gzip')).toMatchObject({ measured: '88.4', pass: true });
    expect(byName(targets, 'Shaka chunk not among the initial files').pass).toBe(true);
    expect(byName(targets, 'cold click on Play → `playing`, median of 5 fresh contexts').pass).toBe(true);
    expect(byName(targets, 'home page LCP, median of 5 fresh contexts').pass).toBe(true);
    const slow = evaluateTargets(benchReport({ bundle: { ...bundle, shakaInInitial: true }, browser: { ...browser, clickToPlaying: { runsMs: [601], medianMs: 601 }, lcp: { runs: [{ ms: 1201, element: 'IMG' }], medianMs: 1201 } } }));
    expect(byName(slow, 'Shaka chunk not among the initial files')).toMatchObject({ measured: 'in initial', pass: false });
    expect(byName(slow, 'cold click on Play → `playing`, median of 5 fresh contexts').pass).toBe(false);
    expect(byName(slow, 'home page LCP, median of 5 fresh contexts').pass).toBe(false);
  });
});

describe('formatReport', () => {
  it('prints the Markdown the README carries: machine line, endpoint table with four cells per size, ratios, targets', () => {
    const report = benchReport();
    const text = formatReport({ ...report, targets: evaluateTargets(report) });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Taken 2026-11-24 16:41 UTC on AMD EPYC, 2 cores (nproc), 23.5 GiB, Node v20.20.2; load average at start 0.5 1.11 1.12.');
    expect(lines).toContain('| endpoint | 100 titles: req/s | p50 ms | p99 ms | CPU % server / client | 100,000 titles: req/s | p50 ms | p99 ms | CPU % server / client |');
    expect(lines).toContain('| GET /catalog | 2,400 | 37 | 68 | 105 / 20 | 2,160 | 37 | 68 | 105 / 20 |');
    expect(lines).toContain('| GET /catalog p99 at 100 connections, 100 titles | 68 ms | ≤ 20 ms | **MISS** |');
    expect(lines).toContain('| heartbeats/s, 100 titles | 5200 | ≥ 5000 /s | PASS |');
    for (const line of lines.filter((entry) => entry.startsWith('| GET') && !entry.includes('connections') && !entry.includes('÷') && !entry.includes(' B, 200)'))) expect(line.split('|').length).toBe(11);
  });

  it('prints the side-by-side rows with every run, the ratios of medians, and flags a client-bound run', () => {
    const report = benchReport();
    const lines = formatReport({ ...report, targets: evaluateTargets(report) }).split('\n');
    expect(lines).toContain('| GET /catalog (3187 B, 200) | the API | 2,400 | 2,300, 2,400, 2,450 | 30 | 60 | 105 / 20 | 438 | 0.60 | 0.12 | 0.60 |');
    expect(lines).toContain('|  | Nest alone, same answer | 3,600 | 3,600, 3,600, 3,600 | 22 | 45 | 105 / 20 | 290 | 0.90 | 0.18 | 0.91 |');
    expect(lines).toContain('|  | Express alone, same answer | 4,000 | 4,000, 4,010, 3,990 | 20 | 40 | 105 / 20 | 263 | 1.00 | 0.20 | 1.00 |');
    expect(lines).toContain('|  | raw node:http, same answer | 20,000 ⚠ client-bound | 20,000, 20,000, 20,000 | 3 | 8 | 70 / 95 | 35 |  | 1.00 |  |');
  });

  it('flags a row with failed requests instead of printing its rate as if it were clean', () => {
    const report = benchReport({ sizes: { 100: { ...sizeFigures(1), catalog: row('GET /catalog', 2400, 37, 68, { non2xx: 12, errors: 3 }) } } });
    const text = formatReport({ ...report, targets: [] });
    expect(text).toContain('| GET /catalog | 2,400 ⚠ 12 non-2xx, 3 errors | 37 | 68 | 105 / 20 |');
  });

  it('says why the cluster was not measured', () => {
    const text = formatReport({ ...benchReport({ cluster: { skipped: 'no Redis at redis://127.0.0.1:6379' } }), targets: [] });
    expect(text).toContain('The cluster was not measured: no Redis at redis://127.0.0.1:6379.');
  });
});
