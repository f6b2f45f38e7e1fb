import { expect, Page, test } from '@playwright/test';
import { openProfileMenu, signOut, signUp, snap, watchConsole } from './support';

// From the curated catalog: rated R, above a kids profile's ceiling, and rated G, within it.
const MATURE = { id: 'tt1004', name: 'Gutterlight' };
const FOR_KIDS = { name: "Pemberton's Ridiculous Balloon", search: 'Balloon' };
// The refusals these tests provoke on purpose: a mature title for a kids profile, a wrong PIN.
const EXPECTED_403 = /the server responded with a status of 403/;

async function manageProfiles(page: Page): Promise<void> {
  await openProfileMenu(page);
  await page.getByRole('link', { name: 'Manage profiles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manage profiles' })).toBeVisible();
}

async function switchProfile(page: Page): Promise<void> {
  await openProfileMenu(page);
  await page.getByRole('link', { name: 'Switch profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who’s watching?' })).toBeVisible();
}

async function addProfile(page: Page, name: string, kids = false): Promise<void> {
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Name').fill(name);
  if (kids) await dialog.getByLabel(/Kids profile/).check();
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listitem', { name })).toBeVisible();
}

async function search(page: Page, words: string): Promise<void> {
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search titles').fill(words);
}

test('a kids profile gets the kids look and never sees a title above its ceiling; switching back shows nothing of it', async ({ page }) => {
  const problems = watchConsole(page, [EXPECTED_403]);
  const viewer = await signUp(page);
  await expect(page.locator('.who .name')).toHaveText(viewer.name);

  await manageProfiles(page);
  await page.getByRole('button', { name: 'Add profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByLabel('Name').fill('Sam');
  await dialog.getByLabel(/Kids profile/).check();
  await expect(dialog.getByLabel(/Maturity rating/)).toHaveValue('TV-Y7');
  await snap(page, '01-add-kids-profile');
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  const sam = page.getByRole('listitem', { name: 'Sam' });
  await expect(sam).toContainText('Kids');
  await expect(sam).toContainText('Up to TV-Y7');
  await snap(page, '02-manage');

  await switchProfile(page);
  await snap(page, '03-picker');
  await page.getByRole('button', { name: /Sam/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('html')).toHaveClass(/\bkids\b/);
  await expect(page.locator('.who .name')).toHaveText('Sam');
  await expect(page.getByRole('region', { name: 'Trending Now' })).toBeVisible();
  await snap(page, '04-kids-home');

  // A kids profile may switch profile or sign out, not manage profiles or the account.
  await openProfileMenu(page);
  await expect(page.getByRole('link', { name: 'Switch profile' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Manage profiles' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Account' })).toHaveCount(0);
  await snap(page, '05-kids-menu');
  await page.keyboard.press('Escape');
  await page.goto('/profiles/manage');
  await expect(page).toHaveURL(/\/$/);

  await search(page, MATURE.name);
  await expect(page.getByText(/No titles match/)).toBeVisible();
  await search(page, FOR_KIDS.search);
  await expect(page.getByRole('link', { name: FOR_KIDS.name })).toBeVisible();
  await snap(page, '06-kids-search');

  // A deep link to a mature title shows why it is blocked.
  await page.goto(`/title/${MATURE.id}`);
  await expect(page.getByRole('alert')).toContainText(/is rated R, above this profile's maturity limit \(TV-Y7\)/);
  await snap(page, '07-kids-blocked');

  // Back to the grown-up: the kids look and the kids' (cached) search results are gone.
  await page.goto('/');
  await switchProfile(page);
  await page.getByRole('button', { name: new RegExp(viewer.name) }).click();
  await expect(page.locator('.who .name')).toHaveText(viewer.name);
  await expect(page.locator('html')).not.toHaveClass(/\bkids\b/);
  await search(page, MATURE.name);
  await expect(page.getByRole('link', { name: MATURE.name })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a locked profile asks for its PIN, refuses a wrong one and opens with the right one; the device remembers the profile chosen', async ({ page }) => {
  const problems = watchConsole(page, [EXPECTED_403]);
  const viewer = await signUp(page);
  await manageProfiles(page);
  await addProfile(page, 'Private');

  await page.getByRole('button', { name: 'Lock Private' }).click();
  const lock = page.getByRole('dialog', { name: 'Lock Private' });
  await lock.getByLabel('New 4-digit PIN').fill('2468');
  await lock.getByLabel('Account password').fill(viewer.password);
  await lock.getByRole('button', { name: 'Lock profile' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByRole('listitem', { name: 'Private' })).toContainText('Locked with a PIN');

  await switchProfile(page);
  await page.getByRole('button', { name: /Private/ }).click();
  await expect(page.getByRole('heading', { name: 'Enter the PIN for Private' })).toBeVisible();
  await page.getByLabel('4-digit PIN').fill('1111');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#pin-error')).toHaveText('That PIN is not right. Try again.');
  await snap(page, '01-wrong-pin');
  await page.getByLabel('4-digit PIN').fill('2468');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.who .name')).toHaveText('Private');

  // Signing in again on this device: the remembered profile is locked, so the picker asks.
  await signOut(page);
  await signInHere(page, viewer);
  await expect(page).toHaveURL(/\/profiles\?returnUrl=%2F$/);
  await page.getByRole('button', { name: new RegExp(viewer.name) }).click();
  await expect(page.locator('.who .name')).toHaveText(viewer.name);

  // An unlocked remembered profile is chosen without asking.
  await signOut(page);
  await signInHere(page, viewer);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.who .name')).toHaveText(viewer.name);
  expect(problems).toEqual([]);
});

async function signInHere(page: Page, viewer: { email: string; password: string }): Promise<void> {
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel('Email').fill(viewer.email);
  await page.getByLabel('Password').fill(viewer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('on a phone the picker, the profile menu and Manage profiles fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems = watchConsole(page);
  await signUp(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await manageProfiles(page);
  await addProfile(page, 'Second profile with a long name');
  expect(await overflow()).toBeLessThanOrEqual(0);
  await snap(page, 'phone-manage');
  await openProfileMenu(page);
  await expect(page.getByRole('link', { name: 'Switch profile' })).toBeInViewport();
  await snap(page, 'phone-menu');
  await page.getByRole('link', { name: 'Switch profile' }).click();
  await expect(page.getByRole('button', { name: /Second profile/ })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await snap(page, 'phone-picker');
  expect(problems).toEqual([]);
});
