import { computed, signal } from '@angular/core';
import type { StreamMarkerDto } from '@streaming/api';
import { skippableMarkerAt } from './skip-marker';
import { StillWatchingRule } from './still-watching';
import { UpNextCountdown, UpNextState, upNextWindowStart } from './up-next-countdown';

/** What the player knows of the programme it has just started. */
export interface Programme {
  markers: readonly StreamMarkerDto[];
  /** Seconds. */
  duration: number;
  /** Whether an episode follows this one. */
  hasNext: boolean;
  /** Whether the profile lets the next episode start by itself. */
  autoplay: boolean;
  /** Started by autoplay rather than by the viewer. */
  startedAutomatically: boolean;
}

/** What the player should do now: start the next episode, or ask whether anyone is still watching. */
export type BingeAction = 'play-next' | 'ask' | null;

const HIDDEN: UpNextState = { phase: 'hidden' };
const sameState = (a: UpNextState, b: UpNextState) => a.phase === b.phase && (a.phase !== 'offered' || b.phase !== 'offered' || a.secondsLeft === b.secondsLeft);

/**
 * The player's binge-watching state across the programmes it plays in a row, as signals for the
 * view: the skip button, the up-next offer and its countdown, "Are you still watching?", and the end
 * of the last programme. The player feeds it positions; it answers once per programme when to move on.
 */
export class BingeSession {
  private readonly stillWatching = new StillWatchingRule();
  private countdown: UpNextCountdown | null = null;
  private hasNext = false;
  /** The programme's move (autoplay or the question) has been made: never twice. */
  private moved = false;
  private readonly markers = signal<readonly StreamMarkerDto[]>([]);
  private readonly position = signal(Number.NaN);

  /** The intro or recap to offer skipping now. */
  readonly skippable = computed(() => skippableMarkerAt(this.markers(), this.position()));
  readonly upNext = signal<UpNextState>(HIDDEN, { equal: sameState });
  /** "Are you still watching?" is on screen. */
  readonly asking = signal(false);
  /** The programme has played to its end and nothing follows it. */
  readonly finished = signal(false);

  /** A programme starts: everything about the last one goes. */
  begin(programme: Programme): void {
    this.stillWatching.episodeStarted(programme.startedAutomatically);
    this.countdown = new UpNextCountdown(upNextWindowStart(programme.markers, programme.duration), programme.duration, programme.autoplay);
    this.hasNext = programme.hasNext;
    this.moved = false;
    this.markers.set(programme.markers);
    this.position.set(Number.NaN);
    this.upNext.set(HIDDEN);
    this.asking.set(false);
    this.finished.set(false);
  }

  /** Playback is at `position` (`ended` at the end): returns the move to make, once per programme. */
  at(position: number, ended: boolean): BingeAction {
    this.position.set(position);
    if (!this.hasNext) {
      this.finished.set(ended);
      return null;
    }
    if (!this.countdown || this.moved) return null;
    const state = this.countdown.at(position, ended);
    this.upNext.set(state);
    if (state.phase !== 'due') return null;
    this.moved = true;
    if (!this.stillWatching.mustAsk) return 'play-next';
    this.upNext.set(HIDDEN);
    this.asking.set(true);
    return 'ask';
  }

  /** Cancel on the up-next card. */
  cancel(): void {
    this.countdown?.cancel();
    this.upNext.set(HIDDEN);
  }

  /** A key, pointer or touch press on the player (see `VIEWER_INPUT_EVENTS`). */
  viewerInput(): void {
    this.stillWatching.viewerInput();
  }
}
