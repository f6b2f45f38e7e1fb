import { expect, test } from '@playwright/test';
import { signUp, snap } from './support';

test('on a phone the home page fits the screen and rows scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page);
  await expect(page.getByRole('region', { name: 'Trending Now' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await snap(page, 'phone-home');
});

test('rows are usable by keyboard: Tab reaches the cards with a visible focus ring, Enter opens one', async ({ page }) => {
  await signUp(page);
  const firstCard = page.getByRole('region', { name: 'Trending Now' }).getByRole('link').first();
  await expect(firstCard).toBeVisible();
  const name = await firstCard.getAttribute('aria-label');
  for (let presses = 0; presses < 40; presses++) {
    await page.keyboard.press('Tab');
    if (await firstCard.evaluate((element) => element === document.activeElement)) break;
  }
  await expect(firstCard).toBeFocused();
  const outline = await firstCard.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await snap(page, 'keyboard-focus');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: name ?? '' })).toBeVisible();
});

test('with reduced motion asked for, cards do not zoom and rows jump instead of gliding', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signUp(page);
  const row = page.getByRole('region', { name: 'Trending Now' });
  const firstCard = row.getByRole('link').first();
  await firstCard.hover();
  expect(await firstCard.evaluate((element) => getComputedStyle(element).transform)).toBe('none');

  // How the row asks to scroll: the browser would glide for 'smooth', and jump for 'instant'.
  await page.evaluate(() => {
    const scrollBy = Element.prototype.scrollBy;
    const asked: unknown[] = [];
    (window as unknown as { scrollsAsked: unknown[] }).scrollsAsked = asked;
    Element.prototype.scrollBy = function (this: Element, ...args: unknown[]) {
      asked.push((args[0] as ScrollToOptions | undefined)?.behavior);
      return (scrollBy as (...rest: unknown[]) => void).apply(this, args);
    } as typeof scrollBy;
  });
  await row.hover();
  await row.getByRole('button', { name: 'Scroll Trending Now right' }).click();
  expect(await page.evaluate(() => (window as unknown as { scrollsAsked: unknown[] }).scrollsAsked)).toEqual(['instant']);
  await expect.poll(() => row.locator('.track').evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
});

test('without reduced motion, a card zooms a little on hover', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await signUp(page);
  const firstCard = page.getByRole('region', { name: 'Trending Now' }).getByRole('link').first();
  await firstCard.hover();
  await expect.poll(() => firstCard.evaluate((element) => getComputedStyle(element).transform)).toBe('matrix(1.04, 0, 0, 1.04, 0, 0)');
});
