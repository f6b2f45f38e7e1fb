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

// Chromium logs every 401 response; an expired access token answered by a silent refresh is expected.
const EXPECTED_401 = /Failed to load resource: the server responded with a status of 401/;

/** Collects console errors and CSP violations; a test ends by asserting there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_401.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
