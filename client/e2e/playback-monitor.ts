import { Page } from '@playwright/test';

/** What the page saw of playback, from the video element's own events. */
export interface PlaybackRecord {
  /** The position at every `timeupdate`, with the subtitle text on screen then. */
  samples: { position: number; caption: string }[];
  /** Each time the picture stopped for want of data after it first played: when (page clock, ms) and for how long. */
  stalls: { from: number; ms: number }[];
}

/**
 * Records playback from page load on (an init script: media events do not bubble, so it listens in the
 * capture phase on the document, for whichever video the app creates). Call before the page loads.
 */
export async function monitorPlayback(page: Page): Promise<{ read(): Promise<PlaybackRecord>; now(): Promise<number> }> {
  await page.addInitScript(() => {
    const record = { samples: [] as { position: number; caption: string }[], stalls: [] as { from: number; ms: number }[], waitingSince: null as number | null, started: false };
    (window as unknown as { playbackRecord: typeof record }).playbackRecord = record;
    // Subtitles are drawn by Shaka's UI, or shown by the video element itself.
    const caption = (video: HTMLVideoElement) => {
      const drawn = document.querySelector('.shaka-text-container')?.textContent?.trim() ?? '';
      const native = [...video.textTracks].filter((track) => track.mode === 'showing').flatMap((track) => [...(track.activeCues ?? [])].map((cue) => (cue as VTTCue).text));
      return drawn || native.join(' ').trim();
    };
    document.addEventListener(
      'timeupdate',
      (event) => {
        const video = event.target as HTMLVideoElement;
        record.samples.push({ position: video.currentTime, caption: caption(video) });
      },
      true,
    );
    document.addEventListener(
      'waiting',
      () => {
        if (record.started && record.waitingSince === null) record.waitingSince = performance.now();
      },
      true,
    );
    document.addEventListener(
      'playing',
      () => {
        record.started = true;
        if (record.waitingSince === null) return;
        record.stalls.push({ from: record.waitingSince, ms: performance.now() - record.waitingSince });
        record.waitingSince = null;
      },
      true,
    );
  });
  return {
    read: () =>
      page.evaluate(() => {
        const record = (window as unknown as { playbackRecord: PlaybackRecord & { waitingSince: number | null } }).playbackRecord;
        // A stall still going on counts for as long as it has lasted.
        const ongoing = record.waitingSince === null ? [] : [{ from: record.waitingSince, ms: performance.now() - record.waitingSince }];
        return { samples: record.samples, stalls: [...record.stalls, ...ongoing] };
      }),
    now: () => page.evaluate(() => performance.now()),
  };
}

/** Moments the position went backwards by more than a quarter of a second. */
export function jumpsBack(record: PlaybackRecord): { from: number; to: number }[] {
  return record.samples.flatMap((sample, index) => {
    const before = record.samples[index - 1];
    return before && sample.position < before.position - 0.25 ? [{ from: before.position, to: sample.position }] : [];
  });
}
