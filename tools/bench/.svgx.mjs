import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, sparePort } from '/work/wt-perf-play/tools/bench/lib/processes.mjs';
const api = await startApi({ serverMain: '/work/wt-perf-play/dist/bench/ab/after1-server/main.js', size: 100, env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'svgx-')) } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const svg = await (await fetch(`${api.url}/images/tt1037/backdrop.svg`)).text();
  console.log('svg bytes', svg.length, 'filters', (svg.match(/<filter/g) || []).length, 'blur', (svg.match(/feGaussianBlur/g) || []).length);
  for (const kind of ['svg', 'blank']) for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    const page = await ctx.newPage();
    const src = kind === 'svg' ? `${api.url}/images/tt1037/backdrop.svg` : 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="1280" height="720" fill="#345"/></svg>');
    await page.setContent(`<img id=i src="${src}" style="width:100%;height:auto">`);
    const r = await page.evaluate(() => new Promise((res) => new PerformanceObserver((l) => { const e = l.getEntries().at(-1); const img = performance.getEntriesByType('resource').at(-1); res({ lcp: Math.round(e.startTime), loaded: img ? Math.round(img.responseEnd) : null }); }).observe({ type: 'largest-contentful-paint', buffered: true })));
    console.log(kind, JSON.stringify(r));
    await ctx.close();
  }
} finally { await browser.close(); await api.stop(); }
