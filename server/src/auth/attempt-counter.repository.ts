/** A fixed window of counted attempts. */
export interface AttemptWindow {
  count: number;
  /** Unix ms when the window closes and the count starts again from nothing. */
  endsAt: number;
}

/**
 * Counters in fixed windows by key, behind the sign-in throttle. `hit` is atomic: concurrent hits
 * on one key each count once, whichever instance makes them.
 */
export abstract class AttemptCounterRepository {
  /** True when closed windows disappear by themselves (Redis expires them), so no periodic sweep is needed. */
  readonly forgetsClosedWindows: boolean = false;

  /** Counts one attempt; opens a window of `windowMs` from `now` when the key has none open. Returns the window after counting. */
  abstract hit(key: string, windowMs: number, now: number): Promise<AttemptWindow>;
  /** The key's window open at `now`, if any. */
  abstract peek(key: string, now: number): Promise<AttemptWindow | undefined>;
  /** Forgets the key's window. Idempotent. */
  abstract clear(key: string): Promise<void>;
  /** Forgets every window closed at `now`; returns how many. */
  abstract deleteExpired(now: number): Promise<number>;
  /** Keys held, open or awaiting the sweep. */
  abstract count(): Promise<number>;
}
