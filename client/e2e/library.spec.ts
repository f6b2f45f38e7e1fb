import { expect, Page, test } from '@playwright/test';
import { signUp, snap, watchAWhile, watchConsole } from './support';

const pressed = (page: Page, label: string) => page.getByRole('button', { name: label }).getAttribute('aria-pressed');

test('a rating is saved, can be changed, and can be taken back', async ({ page }) => {
  const problems = watchConsole(page);
  await signUp(page);
  await page.goto('/title/tt1001');
  await page.getByRole('button', { name: 'I like this' }).click();
  await expect(page.getByRole('button', { name: 'I like this' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  await expect(page.getByRole('button', { name: 'I like this' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Love this!' }).click();
  await expect(page.getByRole('button', { name: 'Love this!' })).toHaveAttribute('aria-pressed', 'true');
  expect(await pressed(page, 'I like this')).toBe('false');
  await snap(page, 'rated-love');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Love this!' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Love this!' }).click();
  await expect(page.getByRole('button', { name: 'Love this!' })).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const label of ['Not for me', 'I like this', 'Love this!']) expect(await pressed(page, label)).toBe('false');
  expect(problems).toEqual([]);
});

test('a title removed from Continue Watching leaves the row and stays gone', async ({ page }) => {
  const problems = watchConsole(page);
  await signUp(page);
  const watched = await watchAWhile(page, 'tt1001');
  await page.getByRole('link', { name: 'Home' }).click();
  const continueWatching = page.getByRole('region', { name: 'Continue Watching' });
  await expect(continueWatching.getByRole('link', { name: watched })).toBeVisible();

  // The row leaves at once; the reload waits for the server's answer, which may need a token refresh first.
  const removed = page.waitForResponse((response) => response.request().method() === 'DELETE' && response.url().endsWith('/me/history/tt1001') && response.status() === 204);
  await continueWatching.getByRole('button', { name: `Remove from Continue Watching: ${watched}` }).click();
  await expect(continueWatching).toHaveCount(0);
  await snap(page, 'continue-watching-removed');
  await removed;

  await page.reload();
  await expect(page.getByRole('region', { name: 'Trending Now' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Continue Watching' })).toHaveCount(0);
  expect(problems).toEqual([]);
});
