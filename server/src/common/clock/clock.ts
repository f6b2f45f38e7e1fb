/** Time as the domain sees it; an injectable so tests can move it forward instead of waiting. */
export abstract class Clock {
  abstract now(): number;
}
