import { expect, Page, test } from '@playwright/test';
import { currentTime, playUntil, signUp, snap, watchConsole } from './support';

// A series of the curated catalog with more than one season (set in the API's seed).
const SERIES = 'tt1003';

interface Marker {
  type: 'intro' | 'recap' | 'credits';
  start: number;
  end: number;
}

interface PlaybackStart {
  episodeId: string;
  duration: number;
  markers: Marker[];
  next: { titleId: string; episodeId: string } | null;
}

/** Every playback POST /play/start starts on this page (renewals of the same episode included), in order. */
function playbackStarts(page: Page): PlaybackStart[] {
  const starts: PlaybackStart[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('/play/start') || response.status() !== 200) return;
    const { episodeId } = response.request().postDataJSON() as { episodeId: string };
    const body = (await response.json()) as Omit<PlaybackStart, 'episodeId'>;
    starts.push({ episodeId, duration: body.duration, markers: body.markers, next: body.next });
  });
  return starts;
}

/** Moves the video to `seconds`, as the seek bar would, and waits until it is there. */
async function seekTo(page: Page, seconds: number): Promise<void> {
  await page.locator('video').evaluate((video: HTMLVideoElement, to) => (video.currentTime = to), seconds);
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(seconds - 0.5);
}

/** Waits until the episode just started plays from its beginning, not from where the last one ended. */
async function playingFromItsStart(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const at = await currentTime(page);
        return at > 0.3 && at < 10;
      },
      { timeout: 45_000 },
    )
    .toBe(true);
}

test('a viewer picks a season, plays an episode, skips its intro and goes on to the next after the countdown', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await signUp(page);
  const starts = playbackStarts(page);

  // The series' page: its seasons, a season picked, that season's episodes.
  await page.goto(`/title/${SERIES}`);
  await expect(page.getByText(/^\d+ seasons$/)).toBeVisible();
  const seasonPicker = page.getByRole('combobox', { name: 'Season' });
  await expect(page.getByRole('link', { name: /^Play S1:E1 · / })).toBeVisible();
  await expect(page.getByRole('link', { name: '▶ Play S1:E1' })).toBeVisible();
  await seasonPicker.selectOption('2');
  const firstOfSeasonTwo = page.getByRole('link', { name: /^Play S2:E1 · / });
  await expect(firstOfSeasonTwo).toBeVisible();
  await expect(page.getByRole('link', { name: /^Play S1:E1 · / })).toHaveCount(0);
  await page.getByRole('region', { name: 'Episodes' }).evaluate((guide) => guide.scrollIntoView({ block: 'center' }));
  await snap(page, 'title-page-season-2');
  const episodeName = ((await firstOfSeasonTwo.getAttribute('aria-label')) ?? '').replace(/^Play /, '');

  // The episode plays, headed with its place and name.
  await firstOfSeasonTwo.click();
  await expect(page).toHaveURL(new RegExp(`/play/${SERIES}\\?episode=${SERIES}-s2e1$`));
  await expect(page.getByText(episodeName, { exact: true })).toBeVisible();
  await playUntil(page, 0.2);
  const [first] = starts;
  expect(first.episodeId).toBe(`${SERIES}-s2e1`);
  const intro = first.markers.find((marker) => marker.type === 'intro');
  expect(intro).toBeDefined();
  if (!intro) return;
  expect(first.next).toEqual({ titleId: SERIES, episodeId: `${SERIES}-s2e2` });

  // Skip intro, while inside the intro: playback lands past it and the button goes.
  if ((await currentTime(page)) < intro.start) await seekTo(page, intro.start + 0.5);
  const skip = page.getByRole('button', { name: 'Skip intro' });
  await expect(skip).toBeVisible();
  await snap(page, 'player-skip-intro');
  await skip.click();
  await expect(skip).toHaveCount(0);
  expect(await currentTime(page)).toBeGreaterThanOrEqual(intro.end);
  await playUntil(page, intro.end + 0.5);

  // The end: the next episode is offered with a countdown, then starts in the same page.
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  const credits = first.markers.find((marker) => marker.type === 'credits');
  const offerFrom = credits ? credits.start : first.duration - 20;
  await seekTo(page, Math.max(offerFrom + 0.2, first.duration - 8));
  const upNext = page.getByRole('region', { name: 'Next episode' });
  await expect(upNext).toBeVisible();
  await expect(upNext).toContainText(/Starts in \d+ s/);
  await expect(upNext).toContainText('S2:E2');
  await snap(page, 'player-up-next');
  await expect(page).toHaveURL(new RegExp(`/play/${SERIES}\\?episode=${SERIES}-s2e2$`), { timeout: 45_000 });
  await expect(page.getByText(/^S2:E2 · /)).toBeVisible();
  await expect(upNext).toHaveCount(0);
  await expect.poll(() => starts.at(-1)?.episodeId).toBe(`${SERIES}-s2e2`);
  await playUntil(page, 1);
  const nextName = ((await page.getByText(/^S2:E2 · /).textContent()) ?? '').trim();
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  // The next episode starts at its beginning, not where the last one ended.
  expect(await currentTime(page)).toBeLessThan(first.duration - 10);
  await playUntil(page, 3);

  // Leaving saves the position; Continue Watching resumes the series at the next episode.
  await page.getByRole('link', { name: 'Back to the title' }).click();
  await expect(page.getByRole('link', { name: '▶ Resume S2:E2' })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  const continueWatching = page.getByRole('region', { name: 'Continue Watching' });
  const resume = continueWatching.getByRole('link', { name: new RegExp(`^Resume ${nextName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} of `) });
  await expect(resume).toBeVisible();
  await continueWatching.evaluate((row) => row.scrollIntoView({ block: 'center' }));
  await snap(page, 'continue-watching-episode');
  await resume.click();
  await expect(page).toHaveURL(new RegExp(`/play/${SERIES}\\?episode=${SERIES}-s2e2$`));
  await playUntil(page, 3.5);
  expect(problems).toEqual([]);
});

test('after three episodes started by autoplay with no input, the player asks whether anyone is still watching', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = watchConsole(page);
  await signUp(page);
  // Opened by its URL: from here on nobody presses a key or touches the player until the question.
  await page.goto(`/play/${SERIES}?episode=${SERIES}-s1e1`);
  for (let episode = 1; episode <= 4; episode++) {
    await expect(page).toHaveURL(new RegExp(`\\?episode=${SERIES}-s1e${episode}$`), { timeout: 45_000 });
    await expect(page.getByText(new RegExp(`^S1:E${episode} · `))).toBeVisible();
    await playingFromItsStart(page);
    const duration = await page.locator('video').evaluate((video: HTMLVideoElement) => video.duration);
    await seekTo(page, duration - 3);
  }
  const question = page.getByRole('alertdialog', { name: 'Are you still watching?' });
  await expect(question).toBeVisible({ timeout: 45_000 });
  await expect(page).toHaveURL(new RegExp(`\\?episode=${SERIES}-s1e4$`));
  await expect.poll(() => page.locator('video').evaluate((video: HTMLVideoElement) => video.paused)).toBe(true);
  await snap(page, 'player-still-watching');
  await question.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`\\?episode=${SERIES}-s1e5$`));
  await expect(question).toHaveCount(0);
  await playingFromItsStart(page);
  expect(problems).toEqual([]);
});
