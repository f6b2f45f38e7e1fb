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

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The steps of starting playback, in the order they happen, each recognised by its request's URL.
 * `app chunk` is any other script fetched after the click (the player route's own chunk).
 */
export const PLAY_STAGES = ['app chunk', 'shaka chunk', 'shaka ready', 'play/prepare', 'play/start', 'master playlist', 'media playlist', 'key', 'first segment', 'playing'];

/** Which step of starting playback a request belongs to, or null for one that is not part of it. */
export function playStage(url, shakaChunkNames) {
  const path = new URL(url).pathname;
  if (shakaChunkNames.some((name) => path.endsWith(`/${name}`))) return 'shaka chunk';
  if (path.endsWith('/play/prepare')) return 'play/prepare';
  if (path.endsWith('/play/start')) return 'play/start';
  if (!path.includes('/stream/')) return path.endsWith('.js') ? 'app chunk' : null;
  if (path.endsWith('/master.m3u8')) return 'master playlist';
  if (/\/subs\//.test(path) || /\/thumbs\//.test(path)) return null;
  if (path.endsWith('.m3u8')) return 'media playlist';
  if (path.endsWith('/key.bin')) return 'key';
  if (path.endsWith('.ts') || path.endsWith('.m4s') || path.endsWith('.mp4')) return 'first segment';
  return null;
}

/**
 * One run's time line, in ms from the click (negative: before it, i.e. prefetched on the title
 * page): for each step its first request's start and end, whether the browser's cache answered any
 * request of that step (the player's, after a prefetch), and how many requests of that step there were. `resources` are Resource Timing entries
 * (`name`, `startTime`, `responseEnd`); `marks` User Timing marks (`shaka:ready`); scripts of the
 * title page's own load (before the click) are not steps of playback.
 */
export function playBreakdown({ resources, marks = [], clickAt, playingAt, cachedUrls = new Set(), shakaChunkNames }) {
  const stages = new Map();
  const sorted = [...resources].sort((a, b) => a.startTime - b.startTime);
  for (const entry of sorted) {
    const stage = playStage(entry.name, shakaChunkNames);
    if (!stage || (stage === 'app chunk' && entry.startTime < clickAt)) continue;
    const known = stages.get(stage);
    if (known) {
      known.count++;
      known.cached ||= cachedUrls.has(entry.name);
      continue;
    }
    stages.set(stage, { stage, startMs: Math.round(entry.startTime - clickAt), endMs: Math.round(entry.responseEnd - clickAt), cached: cachedUrls.has(entry.name), count: 1 });
  }
  const ready = marks.find((mark) => mark.name === 'shaka:ready');
  if (ready) stages.set('shaka ready', { stage: 'shaka ready', startMs: Math.round(ready.startTime - clickAt), endMs: Math.round(ready.startTime - clickAt), cached: false, count: 1 });
  stages.set('playing', { stage: 'playing', startMs: Math.round(playingAt - clickAt), endMs: Math.round(playingAt - clickAt), cached: false, count: 1 });
  return PLAY_STAGES.filter((stage) => stages.has(stage)).map((stage) => stages.get(stage));
}

/** A run's time line on one line: `master playlist -812→-806 (cache)`, `first segment 96→131 ×2`… */
export function formatBreakdown(stages) {
  return stages
    .map(({ stage, startMs, endMs, cached, count }) => {
      const span = startMs === endMs ? `${startMs}` : `${startMs}→${endMs}`;
      return `${stage} ${span}${cached ? ' (cache)' : ''}${count > 1 ? ` ×${count}` : ''}`;
    })
    .join(' · ');
}

/** Records which URLs the browser's cache answered (Chromium's DevTools protocol: Resource Timing hides it cross-origin). */
async function watchCache(context, page) {
  const session = await context.newCDPSession(page);
  const urls = new Map();
  const cached = new Set();
  session.on('Network.requestWillBeSent', ({ requestId, request }) => urls.set(requestId, request.url));
  session.on('Network.requestServedFromCache', ({ requestId }) => urls.has(requestId) && cached.add(urls.get(requestId)));
  session.on('Network.responseReceived', ({ response }) => (response.fromDiskCache || response.fromPrefetchCache) && cached.add(response.url));
  await session.send('Network.enable');
  return cached;
}

/** Installed before the app runs: the click and the video's first `playing`, on the page's clock. */
function recordClickToPlaying() {
  const page = /** @type {MeasuredWindow} */ (window);
  page.__play = {};
  document.addEventListener('click', () => (page.__play.click ??= performance.now()), true);
  document.addEventListener('playing', () => (page.__play.playing ??= performance.now()), true);
}

/** Installed before the app runs: every largest-contentful-paint candidate. */
function recordLcp() {
  const page = /** @type {MeasuredWindow} */ (window);
  page.__lcp = [];
  new PerformanceObserver((list) => {
    for (const entry of /** @type {LargestContentfulPaint[]} */ (list.getEntries())) {
      const element = entry.element;
      const label = element ? `${element.tagName}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}` : null;
      page.__lcp.push({ startTime: entry.startTime, size: entry.size, element: label });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/** In the page after its LCP: when the document, its scripts, the API calls and the images were fetched, in ms from navigation. */
function homeTimeline() {
  const short = (url) => {
    const { pathname } = new URL(url);
    return pathname.startsWith('/images/') ? pathname.replace(/^\/images\/[^/]+\//, 'image ') : pathname.split('/').slice(-2).join('/');
  };
  const navigation = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
  // The app's entry script, its API calls and the backdrop: the chain the LCP element waits on.
  const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).filter((entry) => /\/main-[^/]*\.js$|backdrop|:\d+\/(auth|me|recs|titles|profiles)\b/.test(entry.name));
  return [
    { name: 'document', startMs: 0, endMs: Math.round(navigation.responseEnd) },
    ...resources.map((entry) => ({ name: short(entry.name), startMs: Math.round(entry.startTime), endMs: Math.round(entry.responseEnd) })),
  ];
}

/** In the page after `playing`: what was fetched and Shaka's own figures (the UI overlay hangs itself on the video as `ui`). */
function collectPlayback() {
  const page = /** @type {MeasuredWindow} */ (window);
  const resources = performance.getEntriesByType('resource').map((entry) => ({ name: entry.name, startTime: entry.startTime, responseEnd: /** @type {PerformanceResourceTiming} */ (entry).responseEnd }));
  const marks = performance.getEntriesByType('mark').map((entry) => ({ name: entry.name, startTime: entry.startTime }));
  const video = /** @type {HTMLVideoElement & { ui?: { getControls(): { getPlayer(): { getStats(): Record<string, number> } } | null } }} */ (document.querySelector('video'));
  const stats = video?.ui?.getControls()?.getPlayer().getStats();
  return {
    ...page.__play,
    resources,
    marks,
    shaka: stats ? { loadLatencyMs: Math.round(stats.loadLatency * 1000), manifestMs: Math.round(stats.manifestTimeSeconds * 1000), height: stats.height, streamBandwidth: stats.streamBandwidth } : null,
  };
}

const VIEWPORT = { width: 1366, height: 820 };

/**
 * Drives the production web app in headless Chromium. Signs up one viewer through the UI and keeps
 * its signed-in storage (the session the app keeps in localStorage); every measured run then opens a
 * FRESH browser context with that storage injected: empty HTTP cache, no service worker. Measures
 * the home page's LCP, and click on Play (title page) to the video's first `playing`, with the time
 * line of each run. `dwells` say when Play is clicked: `read` once the title page's network has
 * been idle for 500 ms (a viewer reading the page), `at-once` as soon as Play shows.
 * @param {{ webUrl: string, shakaChunkNames: string[], playRuns?: number, lcpRuns?: number, dwells?: ('read' | 'at-once')[], log?: (message: string) => void }} options
 */
export async function browserFigures({ webUrl, shakaChunkNames, playRuns = 5, lcpRuns = 5, dwells = ['read', 'at-once'], log = () => undefined }) {
  const { chromium, expect } = await import('@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const freshContext = (storageState) => browser.newContext({ baseURL: webUrl, viewport: VIEWPORT, storageState, serviceWorkers: 'block' });
  try {
    const setup = await freshContext();
    const page = await setup.newPage();
    await page.goto('/signup');
    await page.getByLabel('Name').fill('Bench Viewer');
    await page.getByLabel('Email').fill(`bench-ui-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('bench password 123');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL(/\/$/);
    await expect(page.getByRole('region', { name: 'Trending Now' })).toBeVisible();
    const storageState = await setup.storageState();
    await setup.close();

    const lcp = [];
    for (let run = 0; run < lcpRuns; run++) {
      const cold = await freshContext(storageState);
      const home = await cold.newPage();
      await home.addInitScript(recordLcp);
      await home.goto('/');
      await expect(home.getByRole('region', { name: 'Trending Now' })).toBeVisible();
      await home.waitForLoadState('networkidle');
      await home.waitForTimeout(500);
      const entries = await home.evaluate(() => /** @type {MeasuredWindow} */ (window).__lcp);
      const last = entries[entries.length - 1];
      if (!last) throw new Error('no largest-contentful-paint entry on the home page');
      const steps = await home.evaluate(homeTimeline);
      lcp.push({ ms: Math.round(last.startTime), element: last.element, steps });
      log(`home LCP run ${run + 1}: ${lcp[run].ms} ms (${last.element}) · ${steps.map((step) => `${step.name} ${step.startMs}→${step.endMs}`).join(' · ')}`);
      await cold.close();
    }

    const play = {};
    let shakaBeforePlay = false;
    for (const dwell of dwells) {
      const runs = [];
      for (let run = 0; run < playRuns; run++) {
        const titleId = `tt${1010 + run + (dwell === 'read' ? 0 : playRuns)}`;
        const cold = await freshContext(storageState);
        const title = await cold.newPage();
        const cachedUrls = await watchCache(cold, title);
        await title.addInitScript(recordClickToPlaying);
        await title.goto(`/title/${titleId}`);
        const playLink = title.getByRole('link', { name: /Play|Resume/ }).first();
        await expect(playLink).toBeVisible();
        if (dwell === 'read') await title.waitForLoadState('networkidle');
        await playLink.click();
        await title.waitForFunction(() => /** @type {MeasuredWindow} */ (window).__play.playing !== undefined, null, { timeout: 30_000 });
        const collected = await title.evaluate(collectPlayback);
        const stages = playBreakdown({ resources: collected.resources, marks: collected.marks, clickAt: collected.click, playingAt: collected.playing, cachedUrls, shakaChunkNames });
        if (stages.some((stage) => stage.stage === 'shaka chunk' && stage.startMs < 0)) shakaBeforePlay = true;
        const ms = Math.round(collected.playing - collected.click);
        runs.push({ ms, titleId, stages, shaka: collected.shaka });
        log(`click on Play → playing (${dwell}) run ${run + 1}: ${ms} ms · ${formatBreakdown(stages)}${collected.shaka ? ` · Shaka load ${collected.shaka.loadLatencyMs} ms, manifest ${collected.shaka.manifestMs} ms, ${collected.shaka.height}p` : ''}`);
        await cold.close();
      }
      play[dwell] = { runs, runsMs: runs.map((run) => run.ms), medianMs: median(runs.map((run) => run.ms)) };
    }
    return {
      session: 'one viewer signed up through the UI; its signed-in storage injected into each fresh context',
      lcp: { runs: lcp, medianMs: median(lcp.map((run) => run.ms)) },
      clickToPlaying: play.read,
      clickToPlayingAtOnce: play['at-once'],
      shakaRequestedBeforePlay: shakaBeforePlay,
    };
  } finally {
    await browser.close();
  }
}
