import { clientBound, medianRun } from './repeats.mjs';

const run = (requestsPerSecond, client = 30) => ({ requestsPerSecond, cpuPercent: { server: 100, client } });

describe('medianRun', () => {
  it('keeps the middle run by rate, whole, so its latency and CPU belong to it', () => {
    const runs = [run(900, 31), run(1200, 32), run(400, 33)];
    expect(medianRun(runs)).toBe(runs[0]);
  });

  it('takes the lower middle run of an even count and leaves the input order alone', () => {
    const runs = [run(4), run(1), run(3), run(2)];
    expect(medianRun(runs).requestsPerSecond).toBe(2);
    expect(runs.map((entry) => entry.requestsPerSecond)).toEqual([4, 1, 3, 2]);
  });

  it('refuses an empty list rather than inventing a row', () => {
    expect(() => medianRun([])).toThrow('no runs');
  });
});

describe('clientBound', () => {
  it('flags a run whose load client used 90 % of a core or more', () => {
    expect(clientBound(run(1000, 90))).toBe(true);
    expect(clientBound(run(1000, 120))).toBe(true);
  });

  it('does not flag a client with room, nor a run without a client figure', () => {
    expect(clientBound(run(1000, 89))).toBe(false);
    expect(clientBound({ requestsPerSecond: 1, cpuPercent: {} })).toBe(false);
  });
});
