/** Thrown instead of queueing work that would wait longer than the pool allows. */
export class PoolSaturatedError extends Error {
  constructor(readonly expectedWaitMs: number) {
    super(`Work would wait about ${Math.round(expectedWaitMs)} ms for a free slot`);
  }
}

/** How much the newest job's duration moves the running estimate. */
const SMOOTHING = 0.2;

/**
 * Runs at most `concurrency` jobs at once and queues the rest, but only as long a queue as can be
 * worked off within `maxWaitMs`: past that, `run` refuses at once (PoolSaturatedError) so a burst is
 * told to come back instead of piling up work nobody will wait for. The wait is estimated from how
 * long recent jobs took (an exponentially weighted average), seeded by `calibrate`.
 */
export class BoundedWorkPool {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private averageMs?: number;

  constructor(
    readonly concurrency: number,
    private readonly maxWaitMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs one job to learn what a job costs before the first burst arrives. */
  async calibrate<T>(job: () => Promise<T>): Promise<T> {
    return this.timed(job);
  }

  /** How long a job started now would wait for a slot, in ms; 0 while a slot is free. */
  expectedWaitMs(): number {
    if (this.running < this.concurrency) return 0;
    // Slots free up in rounds of `concurrency`; this job is served in the round after those queued.
    return Math.ceil((this.queue.length + 1) / this.concurrency) * (this.averageMs ?? 0);
  }

  /** Throws PoolSaturatedError when a job started now would wait too long. */
  admit(): void {
    const wait = this.expectedWaitMs();
    if (wait > this.maxWaitMs) throw new PoolSaturatedError(wait);
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    this.admit();
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running++;
    try {
      return await this.timed(job);
    } finally {
      // Hand the slot straight to the next in line, or give it back.
      const next = this.queue.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Jobs waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  private async timed<T>(job: () => Promise<T>): Promise<T> {
    const started = this.now();
    try {
      return await job();
    } finally {
      const took = this.now() - started;
      this.averageMs = this.averageMs === undefined ? took : this.averageMs + SMOOTHING * (took - this.averageMs);
    }
  }
}
