import { expect, test } from '@playwright/test';
import { newViewer, openAccount, signOut, signUp, snap, watchConsole } from './support';

test('a new viewer signs up, watches, resumes, saves, searches and signs out', async ({ page }) => {
  const problems = watchConsole(page);
  const viewer = await signUp(page);
  await snap(page, '01-home');

  // Home: a hero, then rows of poster cards that are links named after their titles.
  await expect(page.getByRole('region', { name: 'Featured' }).getByRole('heading')).toBeVisible();
  const trending = page.getByRole('region', { name: 'Trending Now' });
  await expect(trending).toBeVisible();
  const firstCard = trending.getByRole('link').first();
  const titleName = (await firstCard.getAttribute('aria-label')) ?? '';
  expect(titleName.length).toBeGreaterThan(0);

  // Title page.
  await firstCard.click();
  await expect(page.getByRole('heading', { level: 1, name: titleName })).toBeVisible();
  // The first trending title may be a film (its runtime) or a series (its seasons, and its episodes below).
  await expect(page.getByText(/^(\d+ min|\d+ seasons?)$/).first()).toBeVisible();
  await snap(page, '02-title');

  // Play until the video advances by several seconds, with a picture.
  await page.getByRole('link', { name: /^▶ Play/ }).click();
  await expect(page).toHaveURL(/\/play\//);
  const video = page.locator('video');
  await expect.poll(async () => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThan(6);
  const picture = await video.evaluate((element: HTMLVideoElement) => ({ width: element.videoWidth, height: element.videoHeight }));
  expect(picture.width).toBeGreaterThan(0);
  await snap(page, '03-playing');

  // Quality and subtitles (English and Spanish) are in Shaka's overflow menu.
  await page.locator('.shaka-video-container').hover();
  await page.getByRole('button', { name: 'More settings' }).click();
  await expect(page.getByRole('button', { name: /Resolution/ })).toBeVisible();
  await page.getByRole('button', { name: /Captions/ }).click();
  const captionsMenu = page.locator('.shaka-text-languages');
  await expect(captionsMenu.getByText('Spanish')).toBeVisible();
  await snap(page, '03b-subtitles-menu');
  // Turning English captions on loads its cues (shown natively by the video element, or by Shaka's UI).
  await captionsMenu.getByText('English').click();
  await expect
    .poll(
      () =>
        video.evaluate((element: HTMLVideoElement) => {
          const native = [...element.textTracks].some((track) => track.mode === 'showing' && (track.cues?.length ?? 0) > 0);
          const drawn = (document.querySelector('.shaka-text-container')?.textContent ?? '').trim() !== '';
          return native || drawn;
        }),
      { timeout: 15_000 },
    )
    .toBe(true);
  await snap(page, '03c-subtitles-on');
  const position = await video.evaluate((element: HTMLVideoElement) => element.currentTime);

  // Leave: the player says where the viewer stopped.
  await page.getByRole('link', { name: 'Back to the title' }).click();
  await expect(page.getByRole('link', { name: /^▶ Resume (from 0:\d\d|S1:E1)$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();

  // Continue Watching shows the title with its progress.
  const continueWatching = page.getByRole('region', { name: 'Continue Watching' });
  await expect(continueWatching.getByRole('link', { name: titleName, exact: true })).toBeVisible();
  const progress = continueWatching.getByRole('progressbar').first();
  await expect(progress).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/);
  await snap(page, '04-continue-watching');

  // Resume near the same spot.
  await continueWatching.getByRole('link', { name: titleName, exact: true }).click();
  await page.getByRole('link', { name: /^▶ Resume/ }).click();
  await expect.poll(async () => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 30_000 }).toBeGreaterThan(position - 1.5);
  const resumedAt = await video.evaluate((element: HTMLVideoElement) => element.currentTime);
  expect(resumedAt).toBeLessThan(position + 15);
  await page.getByRole('link', { name: 'Back to the title' }).click();

  // My List.
  await page.getByRole('button', { name: '+ My List' }).click();
  await expect(page.getByRole('button', { name: '✓ In My List' })).toBeVisible();
  await page.getByRole('link', { name: 'My List' }).click();
  await expect(page.getByRole('link', { name: titleName, exact: true })).toBeVisible();
  await snap(page, '05-my-list');

  // Search by a word of a name, accents and case aside.
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search titles').fill('CAFE');
  await expect(page.getByRole('link', { name: /Café Rosière/ })).toBeVisible();
  await snap(page, '06-search');
  await page.getByLabel('Search titles').fill('zzqqxx');
  await expect(page.getByText(/No titles match/)).toBeVisible();

  // Sign out, and be kept out.
  await signOut(page);
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/my-list');
  await expect(page).toHaveURL(/\/signin\?returnUrl=%2Fmy-list/);
  await snap(page, '07-signed-out');

  // Signing back in returns to where the viewer was going.
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/my-list$/);

  expect(problems).toEqual([]);
});

test('a bad sign-in shows its error', async ({ page }) => {
  const viewer = newViewer();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Invalid email or password');
  await snap(page, 'bad-sign-in');
});

test('sign-up validates as the viewer types and shows the server’s refusal', async ({ page }) => {
  const viewer = await signUp(page);
  await signOut(page);
  await page.goto('/signup');
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Password').blur();
  await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
  await page.getByLabel('Name').fill('Someone');
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill('another long password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('alert')).toHaveText('An account with this email already exists');
  await snap(page, 'taken-email');
});

test('an expired access token is refreshed silently', async ({ page }) => {
  await signUp(page);
  const refreshes: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/auth/refresh')) refreshes.push(response.status());
  });
  // Longer than the e2e server's JWT_TTL_SECONDS.
  await page.waitForTimeout(9_500);
  await openAccount(page);
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  expect(refreshes).toEqual([200]);
});
