// The web app's figures: initial JavaScript (raw and gzip) of the production build, where Shaka
// lives, and in headless Chromium the click-on-Play-to-`playing` time and the home page's LCP.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './processes.mjs';

/**
 * What the measuring scripts keep on the page's window between evaluate() calls (they run in the
 * page, so each casts `window` itself).
 * @typedef {Window & typeof globalThis & {
 *   __lcp: { startTime: number, size: number, element: string | null }[],
 *   __play: { click?: number, playing?: number },
 * }} MeasuredWindow
 */
/** @typedef {PerformanceEntry & { size: number, element?: Element }} LargestContentfulPaint */

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'];

/** The files index.html makes the browser fetch before the app runs: module scripts and modulepreloads. */
export function initialScripts(html) {
  const files = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModuleScript = /^<script/i.test(tag) && /\btype=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload/i.test(tag);
    const source = tag.match(/\b(?:src|href)=["']?([^"'\s>]+)/i)?.[1];
    if ((isModuleScript || isPreload) && source) files.add(source);
  }
  return [...files];
}

/** The chunks that carry Shaka Player: its build stamps its own version string into the code. */
export function shakaChunks(browserDir) {
  const version = JSON.parse(readFileSync(resolve(ROOT, 'node_modules/shaka-player/package.json'), 'utf8')).version;
  return readdirSync(browserDir)
    .filter((name) => name.endsWith('.js'))
    .filter((name) => {
      const code = readFileSync(join(browserDir, name), 'utf8');
      return code.includes(`v${version}`) && code.includes('shaka-video-container') && code.length > 200_000;
    });
}

export function bundleFigures(browserDir) {
  const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const files = initialScripts(html).map((name) => {
    const bytes = readFileSync(join(browserDir, name));
    return { name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const shaka = shakaChunks(browserDir);
  return {
    initialFiles: files,
    initialBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    initialGzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    shakaChunks: shaka,
    shakaInInitial: shaka.some((name) => files.some((file) => file.name === name)),
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Drives the production web app. Signs up a viewer through the UI, then measures the home page's
 * LCP on cold loads (fresh browser context, same signed-in storage), and click-on-Play to the
 * video's first `playing` event on title pages.
 */
export async function browserFigures({ webUrl, shakaChunkNames, playRuns = 5, lcpRuns = 3 }) {
  const { chromium, expect } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const viewport = { width: 1366, height: 820 };
    const context = await browser.newContext({ baseURL: webUrl, viewport });
    const page = await context.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));

    await page.goto('/signup');
    await page.getByLabel('Name').fill('Bench Viewer');
    await page.getByLabel('Email').fill(`bench-ui-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('bench password 123');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/$/);
    await expect(page.getByRole('region', { name: 'Trending Now' })).toBeVisible();
    const storageState = await context.storageState();

    // Home LCP, cold: a new context has an empty HTTP cache but the same signed-in session.
    const lcp = [];
    for (let run = 0; run < lcpRuns; run++) {
      const cold = await browser.newContext({ baseURL: webUrl, viewport, storageState });
      const home = await cold.newPage();
      await home.addInitScript(() => {
        const page = /** @type {MeasuredWindow} */ (window);
        page.__lcp = [];
        new PerformanceObserver((list) => {
          for (const entry of /** @type {LargestContentfulPaint[]} */ (list.getEntries())) page.__lcp.push({ startTime: entry.startTime, size: entry.size, element: entry.element?.tagName ?? null });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await home.goto('/');
      await expect(home.getByRole('region', { name: 'Trending Now' })).toBeVisible();
      await home.waitForLoadState('networkidle');
      await home.waitForTimeout(500);
      const entries = await home.evaluate(() => /** @type {MeasuredWindow} */ (window).__lcp);
      const last = entries[entries.length - 1];
      if (!last) throw new Error('no largest-contentful-paint entry on the home page');
      lcp.push({ ms: Math.round(last.startTime), element: last.element });
      await cold.close();
    }

    // Click on Play (title page) to the video's first `playing` event.
    const play = [];
    let shakaBeforePlay = false;
    let shakaOnPlayer = true;
    for (let run = 0; run < playRuns; run++) {
      const titleId = `tt${1010 + run}`;
      requested.length = 0;
      await page.goto(`/title/${titleId}`);
      const playLink = page.getByRole('link', { name: /Play/ }).first();
      await expect(playLink).toBeVisible();
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => {
        const page = /** @type {MeasuredWindow} */ (window);
        page.__play = {};
        document.addEventListener('click', () => (page.__play.click ??= performance.now()), true);
        document.addEventListener('playing', () => (page.__play.playing ??= performance.now()), true);
      });
      const isShaka = (url) => shakaChunkNames.some((name) => url.endsWith(`/${name}`));
      if (requested.some(isShaka)) shakaBeforePlay = true;
      await playLink.click();
      await page.waitForFunction(() => /** @type {MeasuredWindow} */ (window).__play.playing !== undefined, null, { timeout: 30_000 });
      const timing = await page.evaluate(() => /** @type {MeasuredWindow} */ (window).__play);
      if (!requested.some(isShaka)) shakaOnPlayer = false;
      play.push(Math.round(timing.playing - timing.click));
    }
    await context.close();
    return {
      lcp: { runs: lcp, medianMs: median(lcp.map((run) => run.ms)) },
      clickToPlaying: { runsMs: play, medianMs: median(play) },
      shakaRequestedBeforePlay: shakaBeforePlay,
      shakaRequestedOnPlayerRoute: shakaOnPlayer,
    };
  } finally {
    await browser.close();
  }
}
