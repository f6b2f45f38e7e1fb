import { expect, test } from '@playwright/test';
import { playUntil, signUp, snap, watchConsole } from './support';

test('opens a genre from the menu, scrolls past the first page, and sorts by the URL', async ({ page }) => {
  const problems = watchConsole(page);
  await signUp(page);
  await page.getByText('Genres', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drama' }).click();
  await expect(page).toHaveURL(/\/browse\/Drama$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Drama' })).toBeVisible();
  const cards = page.locator('app-title-card');
  // The first page is 24 titles; the curated catalog has 33 dramas.
  await expect(cards).toHaveCount(24);
  await snap(page, '01-genre-first-page');
  await page.mouse.wheel(0, 20_000);
  await expect(cards).toHaveCount(33);
  await expect(page.getByText('All 33 titles shown')).toBeAttached();
  await snap(page, '02-genre-scrolled');

  await page.getByLabel('Sort').selectOption('newest');
  await expect(page).toHaveURL(/\/browse\/Drama\?sort=newest$/);
  await page.getByLabel('Decade').selectOption('2010');
  await expect(page).toHaveURL(/sort=newest&decade=2010|decade=2010&sort=newest/);
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeLessThan(33);
  await snap(page, '03-genre-sorted-filtered');
  // A reload keeps the choice: it lives in the URL.
  await page.reload();
  await expect(page.getByLabel('Sort')).toHaveValue('newest');
  await expect(page.getByLabel('Decade')).toHaveValue('2010');
  expect(problems).toEqual([]);
});

test('finds a title by a cast member from the title page, and suggests trending titles when nothing matches', async ({ page }) => {
  const problems = watchConsole(page);
  await signUp(page);
  await page.goto('/title/tt1005');
  await expect(page.getByRole('heading', { level: 1, name: 'What the Quince Trees Heard' })).toBeVisible();
  await expect(page.getByText('Director')).toBeVisible();
  await snap(page, '00-title-credits');
  await page.getByRole('link', { name: 'Isolde Varnholm' }).click();
  await expect(page).toHaveURL(/\/search\?q=Isolde%20Varnholm$/);
  await expect(page.getByLabel('Search titles')).toHaveValue('Isolde Varnholm');
  await expect(page.getByRole('link', { name: 'What the Quince Trees Heard' })).toBeVisible();
  await snap(page, '01-cast-search');

  await page.getByLabel('Search titles').fill('zzqqxx');
  await expect(page.getByText(/No titles match “zzqqxx”/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Trending now' })).toBeVisible();
  await expect(page).toHaveURL(/\?q=zzqqxx$/);
  await snap(page, '02-no-match-trending');
  expect(problems).toEqual([]);
});

test('hovering the seek bar shows the frame at that point', async ({ page }) => {
  const problems = watchConsole(page);
  await signUp(page);
  await page.goto('/play/tt1000');
  await playUntil(page, 1);
  await page.locator('.shaka-video-container').hover();
  const bar = page.locator('.shaka-seek-bar');
  await expect(bar).toBeVisible();
  const box = await bar.boundingBox();
  if (!box) throw new Error('no seek bar');
  // Two thirds along the bar: the frame about two thirds into the programme.
  const duration = await page.locator('video').evaluate((video: HTMLVideoElement) => video.duration);
  await page.mouse.move(box.x + box.width * 0.66, box.y + box.height / 2, { steps: 5 });
  const thumbnail = page.locator('.shaka-player-ui-thumbnail-container');
  await expect(thumbnail).toBeVisible();
  const image = thumbnail.locator('img.shaka-player-ui-thumbnail-image');
  await expect(image).toHaveAttribute('src', /\/stream\/tt1000\.[^/]+\/thumbs\/sprite_000\.jpg$/);
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
  const shownSeconds = async () => {
    const [minutes, seconds] = ((await thumbnail.locator('.shaka-player-ui-thumbnail-time').textContent()) ?? '').split(':').map(Number);
    return minutes * 60 + seconds;
  };
  await expect.poll(shownSeconds).toBeGreaterThanOrEqual(Math.floor(duration * 0.66) - 1);
  expect(await shownSeconds()).toBeLessThanOrEqual(Math.ceil(duration * 0.66) + 1);
  await snap(page, '01-seek-bar-thumbnail');
  expect(problems).toEqual([]);
});
