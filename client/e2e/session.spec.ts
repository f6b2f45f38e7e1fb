import { expect, test } from '@playwright/test';
import { JWT_TTL_SECONDS } from './playwright.config';
import { signUp, watchConsole } from './support';

test('two tabs whose access token expired together refresh it once between them, and both stay signed in', async ({ page, context }) => {
  const problems = watchConsole(page);
  await signUp(page);
  const other = await context.newPage();
  await other.goto('/');
  await expect(other.getByRole('region', { name: 'Trending Now' })).toBeVisible();

  // The refresh is held back a moment, so the second tab's 401 surely arrives while the first tab's refresh is under way.
  const refreshes: string[] = [];
  await context.route('**/auth/refresh', async (route) => {
    refreshes.push(route.request().postData() ?? '');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.waitForTimeout((JWT_TTL_SECONDS + 1) * 1000);
  await Promise.all([page.reload(), other.reload()]);

  for (const tab of [page, other]) {
    await expect(tab.getByRole('region', { name: 'Trending Now' })).toBeVisible();
    await expect(tab).not.toHaveURL(/\/signin/);
  }
  expect(refreshes).toHaveLength(1);
  // Both carry on with the one new pair: another round of requests needs no refresh.
  await Promise.all([page.reload(), other.reload()]);
  await expect(other.getByRole('region', { name: 'Trending Now' })).toBeVisible();
  expect(refreshes).toHaveLength(1);
  expect(problems).toEqual([]);
});
