import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../src/common/http/connection-timeouts';
import { createTestApp, TestApp } from '../support/test-app';

/** GET through a keep-alive agent; says whether the request went down a connection already used. */
function get(origin: string, agent: Agent, path: string): Promise<{ status: number; keepAlive?: string; reused: boolean }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: hostname, port, path, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, keepAlive: String(response.headers['keep-alive']), reused: outgoing.reusedSocket }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * A load test once failed with `read ECONNRESET` on a GET: the API (Node's default, closing idle
 * connections at about 6 s) closed a connection in the same moment the client sent a request down it
 * (tools/experiments/keep-alive-race.mjs reproduces that). The API now holds idle connections longer
 * than any client in front of it keeps one, so the client always closes first.
 */
describe('Keep-alive connections', () => {
  let t: TestApp;
  let agent: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });

  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  it('are announced as held for 65 s, longer than nginx keeps an idle upstream connection (60 s)', async () => {
    const first = await get(t.origin, agent, '/health');
    expect(first.keepAlive).toBe('timeout=65');
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
  });

  it('stay open past the moment Node would have closed them by default, so the next request reuses the connection', async () => {
    await get(t.origin, agent, '/health');
    await sleep(7_000);
    const next = await get(t.origin, agent, '/titles/tt1008');
    expect(next).toEqual({ status: 401, keepAlive: 'timeout=65', reused: true });
  }, 30_000);
});
