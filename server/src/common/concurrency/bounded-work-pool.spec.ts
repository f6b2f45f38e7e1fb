import { BoundedWorkPool, PoolSaturatedError } from './bounded-work-pool';

/** A job the test finishes by hand, on a clock the test moves. */
class ManualJobs {
  time = 0;
  private readonly pending: (() => void)[] = [];

  job = (): Promise<void> => new Promise<void>((resolve) => this.pending.push(resolve));

  /** Moves the clock and finishes the oldest running job. */
  async finishOne(afterMs: number): Promise<void> {
    this.time += afterMs;
    this.pending.shift()?.();
    // Let the pool hand the slot on and the next job start.
    for (let turn = 0; turn < 5; turn++) await Promise.resolve();
  }
}

describe('BoundedWorkPool', () => {
  it('runs at most `concurrency` jobs at once and starts the next as one finishes', async () => {
    const jobs = new ManualJobs();
    const pool = new BoundedWorkPool(2, 10_000, () => jobs.time);
    const started: number[] = [];
    const runs = [1, 2, 3, 4].map((n) => pool.run(() => (started.push(n), jobs.job())));
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect(pool.waiting).toBe(2);
    await jobs.finishOne(10);
    expect(started).toEqual([1, 2, 3]);
    await jobs.finishOne(10);
    await jobs.finishOne(10);
    await jobs.finishOne(10);
    await Promise.all(runs);
    expect(started).toEqual([1, 2, 3, 4]);
    expect(pool.waiting).toBe(0);
  });

  it('refuses at once a job that would wait past the limit, judged by what jobs have cost', async () => {
    const jobs = new ManualJobs();
    const pool = new BoundedWorkPool(1, 250, () => jobs.time);
    // One job of 100 ms teaches the pool the cost.
    const calibration = pool.calibrate(jobs.job);
    await jobs.finishOne(100);
    await calibration;

    expect(pool.expectedWaitMs()).toBe(0);
    const running = pool.run(jobs.job);
    expect(pool.expectedWaitMs()).toBe(100);
    const second = pool.run(jobs.job);
    expect(pool.expectedWaitMs()).toBe(200);
    const third = pool.run(jobs.job);
    expect(pool.expectedWaitMs()).toBe(300);
    // The fourth would wait 300 ms behind three: refused without queueing.
    await expect(pool.run(jobs.job)).rejects.toEqual(new PoolSaturatedError(300));
    expect(() => pool.admit()).toThrow(PoolSaturatedError);
    expect(pool.waiting).toBe(2);

    // As the queue drains there is room again.
    await jobs.finishOne(100);
    expect(pool.expectedWaitMs()).toBe(200);
    expect(() => pool.admit()).not.toThrow();
    await jobs.finishOne(100);
    await jobs.finishOne(100);
    await Promise.all([running, second, third]);
  });

  it('follows a change in cost: slower jobs shorten the queue it accepts', async () => {
    const jobs = new ManualJobs();
    const pool = new BoundedWorkPool(1, 1000, () => jobs.time);
    const calibration = pool.calibrate(jobs.job);
    await jobs.finishOne(10);
    await calibration;
    // At 10 ms a job, a queue of fifty is half a second.
    const burst = Array.from({ length: 50 }, () => pool.run(jobs.job));
    expect(pool.expectedWaitMs()).toBeLessThan(1000);
    for (let finished = 0; finished < 50; finished++) await jobs.finishOne(10);
    await Promise.all(burst);
    for (let round = 0; round < 20; round++) {
      const run = pool.run(jobs.job);
      await jobs.finishOne(400);
      await run;
    }
    const running = pool.run(jobs.job);
    // About 400 ms a job now: behind one running and two queued a job would wait past a second.
    const queued = [pool.run(jobs.job), pool.run(jobs.job)];
    await expect(pool.run(jobs.job)).rejects.toBeInstanceOf(PoolSaturatedError);
    for (let finished = 0; finished < 3; finished++) await jobs.finishOne(400);
    await Promise.all([running, ...queued]);
  });

  it('frees the slot of a job that fails', async () => {
    const pool = new BoundedWorkPool(1, 1000);
    await expect(pool.run(() => Promise.reject(new Error('bad input')))).rejects.toThrow('bad input');
    await expect(pool.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
