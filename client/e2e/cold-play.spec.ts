import { expect, test } from '@playwright/test';
import { playUntil, signUp, watchConsole } from './support';

test('the title page fetches a stream link, the master and the renditions’ playlists before Play (no segment, no key), and Play uses that link', async ({ page }) => {
  const problems = watchConsole(page);
  await signUp(page);
  let clicked = false;
  const beforePlay: string[] = [];
  const startBodies: { titleId: string; preparedUrl?: string }[] = [];
  const mastersAfterPlay: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!clicked) beforePlay.push(url);
    if (url.endsWith('/play/start')) startBodies.push(request.postDataJSON() as { titleId: string; preparedUrl?: string });
    if (clicked && url.endsWith('/master.m3u8')) mastersAfterPlay.push(url);
  });

  const master = page.waitForResponse((response) => response.url().endsWith('/master.m3u8'));
  const playlists = Promise.all(['360p', '540p', '720p'].map((rung) => page.waitForResponse((response) => response.url().endsWith(`/${rung}/index.m3u8`))));
  await page.goto('/title/tt1003');
  const prefetched = await master;
  await playlists;
  expect(prefetched.status()).toBe(200);
  expect(beforePlay.filter((url) => /\/play\/(prepare|start)$/.test(url)).map((url) => url.split('/').pop())).toEqual(['prepare']);
  expect(beforePlay.some((url) => /\.ts$|key\.bin$/.test(url))).toBe(false);

  clicked = true;
  await page.getByRole('link', { name: /Play/ }).first().click();
  await playUntil(page, 0.5);
  expect(startBodies).toHaveLength(1);
  expect(startBodies[0].titleId).toBe('tt1003');
  expect(startBodies[0].preparedUrl).toMatch(/\/stream\/[^/]+\/master\.m3u8$/);
  expect(new Set(mastersAfterPlay)).toEqual(new Set([startBodies[0].preparedUrl]));
  expect(problems).toEqual([]);
});
