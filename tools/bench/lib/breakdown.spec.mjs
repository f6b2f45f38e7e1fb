import { cpuMicrosPerRequest, stageCosts } from './breakdown.mjs';

const run = (requestsPerSecond, server) => ({ requestsPerSecond, cpuPercent: { server, client: 20 } });

describe('cpuMicrosPerRequest', () => {
  it('turns a run into server CPU µs per request', () => {
    expect(cpuMicrosPerRequest(run(2000, 100))).toBe(500);
    expect(cpuMicrosPerRequest(run(4000, 50))).toBe(125);
  });

  it('has no figure without a server CPU figure or without requests', () => {
    expect(cpuMicrosPerRequest({ requestsPerSecond: 100, cpuPercent: {} })).toBeUndefined();
    expect(cpuMicrosPerRequest(run(0, 100))).toBeUndefined();
  });
});

describe('stageCosts', () => {
  it('charges each stage the CPU per request saved without it, and its share of the whole', () => {
    const costs = stageCosts(run(2000, 100), { helmet: run(2500, 100), logging: run(2000, 80) });
    expect(costs).toEqual([
      { stage: 'helmet', microsPerRequest: 400, savedMicros: 100, savedShare: 0.2, speedup: 1.25 },
      { stage: 'logging', microsPerRequest: 400, savedMicros: 100, savedShare: 0.2, speedup: 1 },
    ]);
  });
});
