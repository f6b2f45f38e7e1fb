/** Episodes started by autoplay in a row, with no input from the viewer, before the player asks. */
export const AUTOPLAYS_BEFORE_ASKING = 3;

/**
 * What counts as the viewer's input on the player: a key pressed, or a pointer pressed (a mouse
 * button, a pen, a finger: `pointerdown`, with `touchstart` for browsers that send touches alone).
 * A pointer that only moves does not count: a nudged mouse or a cat is not someone watching.
 */
export const VIEWER_INPUT_EVENTS = ['keydown', 'pointerdown', 'touchstart'] as const;

/**
 * "Are you still watching?": after three episodes in a row started by autoplay with no input from the
 * viewer, the next one is not started by itself; the player asks instead. Any input starts the count
 * again, and so does an episode the viewer started (Play now, Continue, an episode picked).
 */
export class StillWatchingRule {
  private autoplaysWithoutInput = 0;

  /** The viewer pressed a key or touched the player. */
  viewerInput(): void {
    this.autoplaysWithoutInput = 0;
  }

  /** An episode started; `automatically` when autoplay started it, not the viewer. */
  episodeStarted(automatically: boolean): void {
    this.autoplaysWithoutInput = automatically ? this.autoplaysWithoutInput + 1 : 0;
  }

  /** Whether the next episode must wait for the viewer to say they are still there. */
  get mustAsk(): boolean {
    return this.autoplaysWithoutInput >= AUTOPLAYS_BEFORE_ASKING;
  }
}
