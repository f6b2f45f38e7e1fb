import { expect, Page, test } from '@playwright/test';
import { STREAM_TOKEN_TTL_SECONDS } from './playwright.config';
import { jumpsBack, monitorPlayback } from './playback-monitor';
import { currentTime, openPlayerMenu, playUntil, signUp, snap, watchConsole } from './support';

// tt1002 plays the longest sample programme: 38 s, with English cues at 28.5–31.5 s. Its stream link
// lives STREAM_TOKEN_TTL_SECONDS (20 s) and is renewed at three quarters of that: twice in the film.
const LONG_FILM = 'tt1002';
const LATE_CUE = { from: 28.5, to: 31.5 };

const tokenIn = (url: string) => /\/stream\/([^/]+)\//.exec(url)?.[1] ?? null;

/** Every stream link POST /play/start grants on this page, in order. */
function grantedTokens(page: Page): string[] {
  const tokens: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/play/start') || response.status() !== 200) return;
    const { hlsUrl } = (await response.json()) as { hlsUrl: string };
    tokens.push(tokenIn(hlsUrl) ?? '');
  });
  return tokens;
}

test('a whole film plays through stream link renewals: one load, no jump back, no stall over a second, subtitles and quality kept', async ({ page }) => {
  test.setTimeout(150_000);
  const problems = watchConsole(page);
  const playback = await monitorPlayback(page);
  await signUp(page);
  const tokens = grantedTokens(page);
  const masterPlaylists: string[] = [];
  const captionFiles: { token: string | null; status: number }[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (url.endsWith('/master.m3u8')) masterPlaylists.push(url);
    if (/\/subs\/en_\d+\.vtt$/.test(url)) captionFiles.push({ token: tokenIn(url), status: response.status() });
  });

  await page.goto(`/play/${LONG_FILM}`);
  await playUntil(page, 0.5);
  await openPlayerMenu(page, /Captions/);
  await page.locator('.shaka-text-languages').getByText('English').click();
  await expect(page.getByRole('button', { name: 'Captions' })).toContainText('English');
  await openPlayerMenu(page, /Resolution/);
  await page.locator('.shaka-resolutions').getByText('540p').click();
  const video = page.locator('video');
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.videoHeight)).toBe(540);
  // Changing the quality may refill the buffer; stalls count from here.
  const choicesMadeAt = await playback.now();
  await snap(page, 'subtitles-and-540p-before-renewal');

  await playUntil(page, LATE_CUE.from + 0.7, 60_000);
  await snap(page, 'subtitles-after-renewal');
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.ended), { timeout: 30_000 }).toBe(true);
  const record = await playback.read();

  // Renewed mid-film (twice with a 20 s link), and never reloaded: the master playlist was read once.
  expect(STREAM_TOKEN_TTL_SECONDS).toBe(20);
  expect(tokens.length).toBeGreaterThanOrEqual(2);
  expect(new Set(tokens).size).toBe(tokens.length);
  expect(masterPlaylists).toHaveLength(1);
  expect(jumpsBack(record)).toEqual([]);
  expect(record.stalls.filter((stall) => stall.from >= choicesMadeAt && stall.ms >= 1000)).toEqual([]);
  // Subtitles went on loading under the renewed links, and were on screen after the renewal.
  expect(captionFiles.filter((file) => tokens.slice(1).includes(file.token ?? '') && file.status === 200).length).toBeGreaterThan(0);
  const captionsShown = record.samples.filter((sample) => sample.caption !== '').map((sample) => Math.floor(sample.position));
  expect(captionsShown.filter((second) => second >= LATE_CUE.from && second < LATE_CUE.to)).not.toEqual([]);
  // The quality chosen before the renewals is the quality after them.
  expect(await video.evaluate((element: HTMLVideoElement) => element.videoHeight)).toBe(540);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a segment refused with 403 renews the link, the segment is fetched again with it and playback goes on', async ({ page }) => {
  const problems = watchConsole(page, [/status of 403/]);
  const playback = await monitorPlayback(page);
  await signUp(page);
  const tokens = grantedTokens(page);
  // In order: each POST /play/start and each request for the fifth segment (16–20 s), with its token.
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.endsWith('/play/start')) requests.push('start');
    if (/\/seg_004\.ts$/.test(url)) requests.push(`segment ${tokenIn(url)}`);
  });
  let refused = false;
  await page.route(/\/stream\/[^/]+\/\d+p\/seg_004\.ts$/, async (route) => {
    if (refused) return route.continue();
    refused = true;
    await route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ statusCode: 403, error: 'Forbidden', message: 'Stream link has expired; start playback again' }) });
  });

  await page.goto(`/play/${LONG_FILM}`);
  await playUntil(page, 21);
  const segmentRequests = requests.filter((entry) => entry.startsWith('segment'));
  const [refusedRequest, retry] = segmentRequests;
  expect(refused).toBe(true);
  // The retry left after a renewal, with the token that renewal granted.
  expect(requests.indexOf('start', requests.indexOf(refusedRequest))).toBeGreaterThan(requests.indexOf(refusedRequest));
  expect(requests.indexOf('start', requests.indexOf(refusedRequest))).toBeLessThan(requests.indexOf(retry));
  expect(retry).not.toBe(refusedRequest);
  expect(tokens.slice(1)).toContain(retry.slice('segment '.length));
  const record = await playback.read();
  expect(jumpsBack(record)).toEqual([]);
  expect(record.stalls.filter((stall) => stall.ms >= 1000)).toEqual([]);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a fatal error says what happened, and Retry resumes where the film stopped', async ({ page }) => {
  test.setTimeout(120_000);
  // Segments missing for good: Shaka retries, tries the other qualities, then gives up.
  const problems = watchConsole(page, [/status of 404/]);
  await signUp(page);
  await page.goto(`/play/${LONG_FILM}`);
  await playUntil(page, 2);
  await page.route(/\.ts$/, (route) => route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ statusCode: 404, error: 'Not Found', message: 'No such stream file' }) }));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The video could not be downloaded. Check your connection and try again.', { timeout: 60_000 });
  await snap(page, 'fatal-error-with-retry');
  const stoppedAt = await currentTime(page);
  expect(stoppedAt).toBeGreaterThan(2);

  await page.unroute(/\.ts$/);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await playUntil(page, stoppedAt + 1);
  // Resumed from where it stopped: the reloaded stream's playback began there.
  expect(await page.locator('video').evaluate((element: HTMLVideoElement) => element.played.start(0))).toBeGreaterThan(stoppedAt - 1);
  expect(problems).toEqual([]);
});

test('the player answers the keyboard: Space, M, arrows ±10 s, F for full screen, Esc to leave', async ({ page }) => {
  await signUp(page);
  await page.goto(`/play/${LONG_FILM}`);
  await playUntil(page, 1);
  const video = page.locator('video');
  const paused = () => video.evaluate((element: HTMLVideoElement) => element.paused);

  await page.keyboard.press('Space');
  await expect.poll(paused).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(paused).toBe(false);

  await page.keyboard.press('m');
  expect(await video.evaluate((element: HTMLVideoElement) => element.muted)).toBe(true);

  await page.keyboard.press('Space');
  await expect.poll(paused).toBe(true);
  // Clear of the film's start, where Shaka nudges the position onto the first frame.
  const before = await currentTime(page);
  await page.keyboard.press('ArrowRight');
  expect(await currentTime(page)).toBeCloseTo(before + 10, 1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  expect(await currentTime(page)).toBeCloseTo(before + 10, 1);

  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.classList.contains('shaka-video-container') ?? false)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(page).toHaveURL(new RegExp(`/play/${LONG_FILM}$`));

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`/title/${LONG_FILM}$`));
});

test('offline and back: a heartbeat that failed is sent again and no progress is lost', async ({ page, context }) => {
  await signUp(page);
  await page.goto(`/play/${LONG_FILM}`);
  await playUntil(page, 4);
  const heartbeats: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/play/heartbeat')) heartbeats.push(response.status());
  });
  await context.setOffline(true);
  // Pausing saves the position; offline, that heartbeat fails and is kept.
  await page.keyboard.press('Space');
  const pausedAt = await currentTime(page);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
  expect(heartbeats).toEqual([]);

  await context.setOffline(false);
  await expect.poll(() => heartbeats, { timeout: 15_000 }).toContain(204);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the title' }).click();
  const seconds = Math.floor(pausedAt);
  await expect(page.getByRole('link', { name: new RegExp(`Resume from 0:${String(seconds).padStart(2, '0')}`) })).toBeVisible();
});

test('an unknown title in the player says so in words', async ({ page }) => {
  await signUp(page);
  await page.goto('/play/tt9999');
  await expect(page.getByRole('alert')).toContainText('Title tt9999 does not exist');
  await expect(page.getByRole('alert').getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await snap(page, 'player-error');
});
