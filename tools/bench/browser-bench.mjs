// `npm run bench:browser`: only the web app's cold-start figures of `npm run bench` (home LCP and
// click on Play → `playing` in fresh browser contexts, with each run's time line), on builds already
// made (`npx nx run-many -t build -p server client`). For A/B runs: --server=<dir of main.js> and
// --browser=<dir of index.html> pick other builds (default: dist/server, dist/client/browser);
// --play-runs=N and --lcp-runs=N change the number of runs (0 skips).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserFigures, bundleFigures } from './lib/client.mjs';
import { ROOT, sparePort, startApi, startWeb } from './lib/processes.mjs';

const option = (name) => process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const serverMain = join(resolve(option('server') ?? join(ROOT, 'dist/server')), 'main.js');
const browserDir = resolve(option('browser') ?? join(ROOT, 'dist/client/browser'));
const log = (message) => process.stderr.write(`[bench:browser] ${message}\n`);

async function main() {
  const bundle = bundleFigures(browserDir);
  const webPort = await sparePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-browser-'));
  const api = await startApi({ serverMain, size: 100, corsOrigins: `http://127.0.0.1:${webPort}`, env: { DATA_DIR: dataDir } });
  try {
    const web = await startWeb({ port: webPort, apiUrl: api.url, webRoot: browserDir });
    try {
      const playRuns = Number(option('play-runs') ?? 5);
      const figures = await browserFigures({ webUrl: web.url, shakaChunkNames: bundle.shakaChunks, playRuns, lcpRuns: Number(option('lcp-runs') ?? 5), dwells: playRuns ? ['read', 'at-once'] : [], log });
      const brief = (play) => (play ? `${play.runsMs.join(', ')} ms (median ${play.medianMs})` : 'not measured');
      process.stdout.write(
        [
          `date ${new Date().toISOString()}, load average ${(await import('node:os')).loadavg().map((load) => load.toFixed(2)).join(' ')}`,
          `session: ${figures.session}`,
          `home LCP: ${figures.lcp.runs.map((run) => `${run.ms} (${run.element})`).join(', ')} ms (median ${figures.lcp.medianMs})`,
          `click on Play → playing, after reading the page: ${brief(figures.clickToPlaying)}`,
          `click on Play → playing, at once: ${brief(figures.clickToPlayingAtOnce)}`,
          `initial JS ${bundle.initialBytes} B (${bundle.initialGzipBytes} B gzip)`,
          '',
        ].join('\n'),
      );
    } finally {
      await web.stop();
    }
  } finally {
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench:browser failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
