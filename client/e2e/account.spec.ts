import { expect, test } from '@playwright/test';
import { WEB_URL } from './playwright.config';
import { openAccount, signIn, signOut, signUp, snap, watchAWhile, watchConsole } from './support';

test('the account page renames the viewer and removes a title from the viewing history', async ({ page }) => {
  const problems = watchConsole(page);
  const viewer = await signUp(page);
  const watched = await watchAWhile(page, 'tt1000');

  await openAccount(page);
  const history = page.getByRole('region', { name: 'Viewing history' });
  await expect(history.getByRole('link', { name: watched })).toBeVisible();
  await expect(history).toContainText(/\d+% watched/);

  await page.getByLabel('Name').fill('Ada Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name was saved.')).toBeVisible();
  // The top bar shows the profile watching, which renaming the account leaves as it was.
  await expect(page.locator('.who .name')).toHaveText(viewer.name);
  await snap(page, 'account-renamed');

  // The row leaves at once; the reload waits for the server's answer, which may need a token refresh first.
  const removed = page.waitForResponse((response) => response.request().method() === 'DELETE' && response.url().endsWith('/me/history/tt1000') && response.status() === 204);
  await history.getByRole('button', { name: `Remove ${watched} from history` }).click();
  await expect(history.getByRole('link', { name: watched })).toHaveCount(0);
  await removed;

  await page.reload();
  await expect(page.getByLabel('Name')).toHaveValue('Ada Renamed');
  await expect(page.getByRole('region', { name: 'Viewing history' })).toContainText('Nothing watched yet.');
  expect(problems).toEqual([]);
});

test('changing the password signs the other device out, and only the new password signs in', async ({ page, browser }) => {
  const viewer = await signUp(page);
  const otherDevice = await browser.newContext({ baseURL: WEB_URL });
  const otherPage = await otherDevice.newPage();
  await signIn(otherPage, viewer);

  await openAccount(page);
  await page.getByLabel('Current password').fill(viewer.password);
  await page.getByLabel('New password').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed. Your other devices have been signed out.')).toBeVisible();
  await snap(page, 'password-changed');

  // This device carries on; the other one is sent to sign in at its next request.
  await page.getByRole('link', { name: 'My List' }).click();
  await expect(page.getByRole('heading', { name: 'My List' })).toBeVisible();
  await openAccount(otherPage);
  await expect(otherPage).toHaveURL(/\/signin/);
  await otherDevice.close();

  await signOut(page);
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Invalid email or password');
  await signIn(page, { email: viewer.email, password: 'a brand new password' });
});

test('signing out of all devices ends this session and the other device’s', async ({ page, browser }) => {
  const viewer = await signUp(page);
  const otherDevice = await browser.newContext({ baseURL: WEB_URL });
  const otherPage = await otherDevice.newPage();
  await signIn(otherPage, viewer);

  await openAccount(page);
  await page.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByText('You have been signed out on every device.')).toBeVisible();
  await page.goto('/account');
  await expect(page).toHaveURL(/\/signin\?returnUrl=%2Faccount/);

  await openAccount(otherPage);
  await expect(otherPage).toHaveURL(/\/signin/);
  await expect(otherPage.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  await otherDevice.close();
});
