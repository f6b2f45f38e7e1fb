import { expect, Page, test } from '@playwright/test';
import { resolve } from 'node:path';

let count = 0;

/** A fresh viewer for each test, so tests never depend on each other. */
export function newViewer() {
  count++;
  const stamp = `${Date.now()}-${count}`;
  return { name: `Viewer ${count}`, email: `viewer-${stamp}@example.com`, password: 'a long enough password' };
}

/** Saves a screenshot of this step for review, under dist/e2e/screenshots. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(__dirname, '../../dist/e2e/screenshots', `${test.info().title.replace(/\W+/g, '-')}--${name}.png`) });
}

export async function signUp(page: Page, viewer = newViewer()) {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(viewer.name);
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/$/);
  return viewer;
}

export async function signIn(page: Page, viewer: { email: string; password: string }) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** Opens the menu under the profile in the top bar: switch profile, manage profiles, account, sign out. */
export async function openProfileMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /profile menu/ }).click();
}

/** Goes to the account page through the profile menu. */
export async function openAccount(page: Page): Promise<void> {
  await openProfileMenu(page);
  await page.getByRole('link', { name: 'Account' }).click();
}

/** Signs out through the profile menu. */
export async function signOut(page: Page): Promise<void> {
  await openProfileMenu(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
}

/** Plays a title for a few seconds and leaves the player, so it has progress (Continue Watching, history). */
export async function watchAWhile(page: Page, titleId: string): Promise<string> {
  await page.goto(`/play/${titleId}`);
  await playUntil(page, 3);
  const name = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  await page.getByRole('link', { name: 'Back to the title' }).click();
  await expect(page.getByRole('link', { name: /Resume from/ })).toBeVisible();
  return name;
}

// Chromium logs every 401 response; an expired access token answered by a silent refresh is expected.
const EXPECTED_401 = /Failed to load resource: the server responded with a status of 401/;

/**
 * Collects console errors and CSP violations; a test ends by asserting there were none. `expected`
 * names the errors a test provokes on purpose (a refused request it answers itself).
 */
export function watchConsole(page: Page, expected: RegExp[] = []): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && ![EXPECTED_401, ...expected].some((pattern) => pattern.test(text))) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** The video's position in seconds. */
export function currentTime(page: Page): Promise<number> {
  return page.locator('video').evaluate((video: HTMLVideoElement) => video.currentTime);
}

/** Waits until the film has played past `seconds`. */
export async function playUntil(page: Page, seconds: number, timeout = 45_000): Promise<void> {
  await expect.poll(() => currentTime(page), { timeout }).toBeGreaterThan(seconds);
}

/** Opens an entry of the player's settings menu (Captions, Resolution…). */
export async function openPlayerMenu(page: Page, entry: RegExp): Promise<void> {
  await page.locator('.shaka-video-container').hover();
  const item = page.getByRole('button', { name: entry });
  // After a choice Shaka shows the settings menu again; "More settings" would close it.
  if (!(await item.isVisible())) await page.getByRole('button', { name: 'More settings' }).click();
  await item.click();
}
