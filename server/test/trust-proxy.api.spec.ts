import { createTestApp, signUpViewer, TestApp } from './support/test-app';

const LIMIT = 3;

async function attempts(t: TestApp, email: string, forwardedFor: string | undefined, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) {
    const request = t.http.post('/auth/login').send({ email, password: 'not the password' });
    if (forwardedFor !== undefined) request.set('X-Forwarded-For', forwardedFor);
    statuses.push((await request).status);
  }
  return statuses;
}

describe('Who the client is behind a proxy (TRUST_PROXY)', () => {
  describe('without TRUST_PROXY', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: String(LIMIT), LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
    });

    afterAll(() => t.close());

    it('believes no X-Forwarded-For: a client cannot dodge the per-address limit by making one up', async () => {
      const statuses = [
        ...(await attempts(t, 'a@example.com', '203.0.113.1', 2)),
        ...(await attempts(t, 'b@example.com', '203.0.113.2', 1)),
        ...(await attempts(t, 'c@example.com', '203.0.113.3', 1)),
      ];
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });

  describe('with TRUST_PROXY=loopback (a balancer on this machine)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ TRUST_PROXY: 'loopback', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: String(LIMIT), LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000' });
      await signUpViewer(t, { email: 'real@example.com', password: 'the real password' });
    });

    afterAll(() => t.close());

    it('counts each real client apart, by the address the proxy saw', async () => {
      expect(await attempts(t, 'x@example.com', '203.0.113.10', LIMIT + 1)).toEqual([401, 401, 401, 429]);
      expect(await attempts(t, 'x@example.com', '203.0.113.11', 1)).toEqual([401]);
      const other = await t.http.post('/auth/login').set('X-Forwarded-For', '203.0.113.12').send({ email: 'real@example.com', password: 'the real password' });
      expect(other.status).toBe(200);
    });

    it('takes the address the proxy appended, not one the client put before it', async () => {
      // The client claims to be 198.51.100.7; the proxy appends the address it really saw.
      expect(await attempts(t, 'y@example.com', '198.51.100.7, 203.0.113.20', LIMIT + 1)).toEqual([401, 401, 401, 429]);
      expect(await attempts(t, 'y@example.com', '198.51.100.7, 203.0.113.21', 1)).toEqual([401]);
    });
  });
});
