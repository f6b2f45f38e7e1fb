import type { StreamMarkerDto } from '@streaming/api';

/** Without a credits marker, the next episode is offered this long before the end. */
export const UP_NEXT_LEAD_SECONDS = 20;
/** Seconds of playback the offer counts down before the next episode starts by itself. */
export const UP_NEXT_COUNTDOWN_SECONDS = 10;

export type UpNextState =
  /** Not yet in the credits (or the last 20 s), or the viewer cancelled the offer. */
  | { phase: 'hidden' }
  /** Offered; `secondsLeft` counts down to autoplay, null when the profile does not autoplay. */
  | { phase: 'offered'; secondsLeft: number | null }
  /** The countdown ran out: time to start the next episode. */
  | { phase: 'due' };

const HIDDEN: UpNextState = { phase: 'hidden' };

/** Where the end of a programme begins: its credits, or 20 s before its end when it has none. */
export function upNextWindowStart(markers: readonly StreamMarkerDto[], duration: number): number {
  const credits = markers.find((marker) => marker.type === 'credits');
  return credits ? credits.start : Math.max(0, duration - UP_NEXT_LEAD_SECONDS);
}

/**
 * When to offer the next episode and when to start it, from the playback position alone (so a pause
 * holds the countdown, and a stall too). The offer appears at the start of the credits, or 20 s before
 * the end without them; it counts 10 s of playback from where it first appeared, or to the end of the
 * programme if that comes sooner, then is due. Cancel hides it until the viewer leaves the end and
 * comes back. Without autoplay it stays offered, with no countdown.
 */
export class UpNextCountdown {
  private offeredFrom: number | null = null;
  private cancelled = false;

  constructor(
    private readonly windowStart: number,
    private readonly duration: number,
    private readonly autoplay: boolean,
  ) {}

  /** The state at `position`; `ended` when the video has played to its end. */
  at(position: number, ended: boolean): UpNextState {
    if (!ended && !(position >= this.windowStart)) {
      this.offeredFrom = null;
      this.cancelled = false;
      return HIDDEN;
    }
    if (this.cancelled) return HIDDEN;
    this.offeredFrom ??= Math.min(position, this.duration);
    if (!this.autoplay) return { phase: 'offered', secondsLeft: null };
    const deadline = Math.min(this.offeredFrom + UP_NEXT_COUNTDOWN_SECONDS, this.duration);
    const secondsLeft = Math.ceil(deadline - position);
    return ended || secondsLeft <= 0 ? { phase: 'due' } : { phase: 'offered', secondsLeft };
  }

  /** The viewer said no: nothing starts by itself, and the card goes away. */
  cancel(): void {
    this.cancelled = true;
  }
}
