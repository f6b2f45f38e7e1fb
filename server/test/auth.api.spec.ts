import { createHmac } from 'node:crypto';
import { MAX_CONCURRENT_HASHES } from '../src/auth/password-hasher.service';
import { createTestApp, signUpViewer, TestApp } from './support/test-app';

function expectError(body: unknown, statusCode: number, messagePart?: string | RegExp): void {
  expect(body).toEqual({ statusCode, error: expect.any(String), message: expect.any(String) });
  if (messagePart) expect((body as { message: string }).message).toMatch(messagePart);
}

function base64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function signHs256(payload: object, secret: string): string {
  const head = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('Auth API', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });

  afterEach(() => t.close());

  describe('POST /auth/signup', () => {
    it('creates an account, trims and lower-cases the email, and signs in', async () => {
      const response = await t.http
        .post('/auth/signup')
        .send({ email: '  Ada@Example.COM ', password: 'long enough password', name: '  Ada  ' })
        .expect(201);
      expect(response.body).toEqual({
        user: { id: expect.stringMatching(/^user_/), email: 'ada@example.com', name: 'Ada' },
        jwt: expect.any(String),
        refreshToken: expect.any(String),
        profileId: null,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/\$2[aby]\$/);
      await t.http.get('/me').set('Authorization', `Bearer ${response.body.jwt}`).expect(200);
    });

    it('refuses a taken email with 409, whatever its case', async () => {
      await signUpViewer(t, { email: 'taken@example.com' });
      const response = await t.http
        .post('/auth/signup')
        .send({ email: 'TAKEN@example.com', password: 'another password', name: 'Other' })
        .expect(409);
      expectError(response.body, 409, /already exists/);
    });

    it.each([
      [{ password: 'long enough password', name: 'A' }, /email/],
      [{ email: 'not-an-email', password: 'long enough password', name: 'A' }, /email must be an email/],
      [{ email: 'a@example.com', password: 'short', name: 'A' }, /password must be 8 to 72 bytes/],
      [{ email: 'a@example.com', password: 'long enough password', name: '   ' }, /name must not be empty/],
      [{ email: 'a@example.com', password: 'long enough password', name: 'x'.repeat(101) }, /name must be shorter than or equal to 100/],
      [{ email: `${'a'.repeat(250)}@example.com`, password: 'long enough password', name: 'A' }, /email must be shorter/],
      [{ email: 'a@example.com', password: 12345678, name: 'A' }, /password must be a string/],
      [{ email: 'a@example.com', password: 'long enough password', name: ['A'] }, /name must be a string/],
      [{ email: 'a@example.com', password: 'long enough password', name: 'A', isAdmin: true }, /property isAdmin should not exist/],
    ])('refuses %j with a 400 naming the field', async (body, message) => {
      const response = await t.http.post('/auth/signup').send(body).expect(400);
      expectError(response.body, 400, message);
    });

    it('counts password length in bytes: 72 bytes pass, 73 are refused rather than cut', async () => {
      // "é" is two bytes in UTF-8: 36 of them are 72 bytes but only 36 characters.
      await t.http.post('/auth/signup').send({ email: 'bytes@example.com', password: 'é'.repeat(36), name: 'B' }).expect(201);
      const response = await t.http
        .post('/auth/signup')
        .send({ email: 'bytes2@example.com', password: `${'é'.repeat(36)}x`, name: 'B' })
        .expect(400);
      expectError(response.body, 400, /72 bytes/);
      // Four characters but eight bytes: long enough.
      await t.http.post('/auth/signup').send({ email: 'bytes3@example.com', password: 'éééé', name: 'B' }).expect(201);
    });
  });

  describe('POST /auth/login', () => {
    it('signs in with the right password, any email case', async () => {
      const viewer = await signUpViewer(t);
      const response = await t.http
        .post('/auth/login')
        .send({ email: viewer.email.toUpperCase(), password: viewer.password })
        .expect(200);
      expect(response.body.user).toEqual({ id: viewer.id, email: viewer.email, name: expect.any(String) });
      expect(response.body.jwt).toEqual(expect.any(String));
      expect(response.body.refreshToken).not.toEqual(viewer.refreshToken);
    });

    it('gives unknown email and wrong password the same 401 and message', async () => {
      const viewer = await signUpViewer(t);
      const wrong = await t.http.post('/auth/login').send({ email: viewer.email, password: 'wrong password' }).expect(401);
      const unknown = await t.http.post('/auth/login').send({ email: 'nobody@example.com', password: 'wrong password' }).expect(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
      expect(unknown.body).toEqual(wrong.body);
    });

    it('refuses a password over 72 bytes with 400 instead of truncating it into a match', async () => {
      const viewer = await signUpViewer(t, { password: 'p'.repeat(72) });
      const response = await t.http.post('/auth/login').send({ email: viewer.email, password: 'p'.repeat(73) }).expect(400);
      expectError(response.body, 400, /password/);
    });

    it('pauses an account after repeated failures with 429 and Retry-After, and lets it in once the window passes', async () => {
      const viewer = await signUpViewer(t);
      for (let attempt = 0; attempt < t.config.loginMaxFailuresPerAccount; attempt++) {
        await t.http.post('/auth/login').send({ email: viewer.email, password: 'wrong password' }).expect(401);
      }
      const throttled = await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(429);
      expectError(throttled.body, 429, /Too many sign-in attempts/);
      const retryAfter = Number(throttled.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(t.config.loginAccountWindowSeconds);

      t.clock.advance(retryAfter);
      await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
    });

    it('limits attempts per client address across accounts', async () => {
      const limited = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '3' });
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          await limited.http.post('/auth/login').send({ email: `spray${attempt}@example.com`, password: 'guess guess' }).expect(401);
        }
        const response = await limited.http.post('/auth/login').send({ email: 'spray9@example.com', password: 'guess guess' }).expect(429);
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        limited.clock.advance(limited.config.loginAddressWindowSeconds);
        await limited.http.post('/auth/login').send({ email: 'spray9@example.com', password: 'guess guess' }).expect(401);
      } finally {
        await limited.close();
      }
    });

    it('limits the accounts one client address may create, with Retry-After, until the window passes', async () => {
      const limited = await createTestApp({ SIGNUP_MAX_PER_ADDRESS: '2', SIGNUP_ADDRESS_WINDOW_SECONDS: '3600' });
      try {
        const body = (index: number) => ({ email: `farm${index}@example.com`, password: 'long enough password', name: `Farm ${index}` });
        await limited.http.post('/auth/signup').send(body(1)).expect(201);
        await limited.http.post('/auth/signup').send(body(2)).expect(201);
        const refused = await limited.http.post('/auth/signup').send(body(3)).expect(429);
        expect(refused.headers['retry-after']).toBe('3600');
        expectError(refused.body, 429, /^Too many accounts created from this address; try again in 3600 seconds$/);
        await limited.http.post('/auth/login').send({ email: 'farm3@example.com', password: 'long enough password' }).expect(401);
        limited.clock.advance(3600);
        await limited.http.post('/auth/signup').send(body(3)).expect(201);
      } finally {
        await limited.close();
      }
    });
  });

  describe('a burst of password checks', () => {
    it('is answered past a second of queued hashing with 503 and Retry-After at once, and the rest are served', async () => {
      const busy = await createTestApp({ BCRYPT_ROUNDS: '12', HASH_QUEUE_MAX_WAIT_MS: '1000', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000' });
      try {
        const viewer = await signUpViewer(busy);
        // Thirty hashes per slot: far more than a second's work at cost 12, on any machine.
        const burst = MAX_CONCURRENT_HASHES * 30;
        const answeredInOrder: number[] = [];
        const responses = await Promise.all(
          Array.from({ length: burst }, async () => {
            const response = await busy.http.post('/auth/login').send({ email: viewer.email, password: viewer.password });
            answeredInOrder.push(response.status);
            return response;
          }),
        );
        const refused = responses.filter((response) => response.status === 503);
        const served = responses.filter((response) => response.status === 200);
        expect(served.length + refused.length).toBe(burst);
        expect(served.length).toBeGreaterThan(0);
        expect(refused.length).toBeGreaterThan(0);
        for (const response of refused) {
          expectError(response.body, 503, /^Too many sign-ins at once; try again in \d+ seconds$/);
          expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
          expect(response.body.message).toContain(`in ${response.headers['retry-after']} seconds`);
        }
        // Refused at once, not after waiting in line: every refusal came back before the last check that was served.
        expect(answeredInOrder.lastIndexOf(503)).toBeLessThan(answeredInOrder.lastIndexOf(200));
        await busy.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
      } finally {
        await busy.close();
      }
    }, 60_000);
  });

  describe('POST /auth/refresh', () => {
    it('rotates: a new pair, and the new access token works', async () => {
      const viewer = await signUpViewer(t);
      const response = await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(200);
      expect(response.body).toEqual({ jwt: expect.any(String), refreshToken: expect.any(String), profileId: null });
      expect(response.body.refreshToken).not.toEqual(viewer.refreshToken);
      await t.http.get('/me').set('Authorization', `Bearer ${response.body.jwt}`).expect(200);
    });

    it('re-use of a rotated refresh token past the grace period revokes the whole family', async () => {
      const viewer = await signUpViewer(t);
      const first = await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(200);
      t.clock.advance(t.config.refreshGraceSeconds);
      const reuse = await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(401);
      expectError(reuse.body, 401, /already used/);
      // The thief's replay ended the login: the legitimate newer token and access token are dead too.
      await t.http.post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
      await t.http.get('/me').set('Authorization', `Bearer ${first.body.jwt}`).expect(401);
    });

    it('gives two tabs refreshing one token at the same instant the same new refresh token; the winner\'s pair works and the login goes on', async () => {
      const viewer = await signUpViewer(t);
      const [one, two] = await Promise.all([
        t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }),
        t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }),
      ]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect(two.body.refreshToken).toBe(one.body.refreshToken);
      for (const { body } of [one, two]) await t.http.get('/me').set('Authorization', `Bearer ${body.jwt}`).expect(200);
      const next = await t.http.post('/auth/refresh').send({ refreshToken: one.body.refreshToken }).expect(200);
      await t.http.get('/me').set('Authorization', `Bearer ${next.body.jwt}`).expect(200);
    });

    it("answers a repeat within the grace period (10 s by default) with the same refresh token, and ends the login for one after the successor was used", async () => {
      const viewer = await signUpViewer(t);
      const first = await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(200);
      t.clock.advance(t.config.refreshGraceSeconds - 1);
      const repeat = await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(200);
      expect(repeat.body.refreshToken).toBe(first.body.refreshToken);
      const second = await t.http.post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
      // Only the newest exchange may be repeated: the token before it is a copy now.
      expectError((await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(401)).body, 401, /already used/);
      await t.http.get('/me').set('Authorization', `Bearer ${second.body.jwt}`).expect(401);
    });

    it('leaves other logins of the same viewer alone when one family is revoked', async () => {
      const viewer = await signUpViewer(t);
      const other = await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
      await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(200);
      t.clock.advance(t.config.refreshGraceSeconds);
      await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(401);
      await t.http.get('/me').set('Authorization', `Bearer ${other.body.jwt}`).expect(200);
      await t.http.post('/auth/refresh').send({ refreshToken: other.body.refreshToken }).expect(200);
    });

    it('refuses unknown tokens and tokens past the absolute expiry', async () => {
      const viewer = await signUpViewer(t);
      expectError((await t.http.post('/auth/refresh').send({ refreshToken: 'made-up' }).expect(401)).body, 401);
      t.clock.advance(t.config.refreshTtlSeconds + 1);
      await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(401);
    });

    it('answers a refresh racing the end of its login with 200 or 401, never a 5xx, and the login stays ended', async () => {
      for (let round = 0; round < 5; round++) {
        const viewer = await signUpViewer(t);
        const [refresh, signOut] = await Promise.all([
          t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }),
          t.http.delete('/me/sessions').set(viewer.auth),
        ]);
        expect(signOut.status).toBe(204);
        expect([200, 401]).toContain(refresh.status);
        if (refresh.status === 200) {
          await t.http.post('/auth/refresh').send({ refreshToken: refresh.body.refreshToken }).expect(401);
          await t.http.get('/me').set('Authorization', `Bearer ${refresh.body.jwt}`).expect(401);
        }
      }
    });

    it('refuses a missing or non-string token with 400', async () => {
      expectError((await t.http.post('/auth/refresh').send({}).expect(400)).body, 400, /refreshToken/);
      expectError((await t.http.post('/auth/refresh').send({ refreshToken: 7 }).expect(400)).body, 400, /refreshToken must be a string/);
    });
  });

  describe('POST /auth/logout', () => {
    it('ends the login: its refresh and access tokens stop working; repeating it is fine', async () => {
      const viewer = await signUpViewer(t);
      // Used first, so the access token has been verified (and remembered) before the logout.
      await t.http.get('/me').set(viewer.auth).expect(200);
      await t.http.post('/auth/logout').send({ refreshToken: viewer.refreshToken }).expect(204);
      await t.http.post('/auth/logout').send({ refreshToken: viewer.refreshToken }).expect(204);
      await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(401);
      await t.http.get('/me').set(viewer.auth).expect(401);
    });
  });

  describe('access tokens', () => {
    it('refuses a missing token with 401', async () => {
      expectError((await t.http.get('/me').expect(401)).body, 401, /Missing bearer token/);
    });

    it('marks a 401 about the access token with a Bearer challenge, and a wrong password with none, so clients know when refreshing helps', async () => {
      const viewer = await signUpViewer(t);
      expect((await t.http.get('/me').expect(401)).headers['www-authenticate']).toBe('Bearer');
      expect((await t.http.get('/me').set('Authorization', 'Bearer not.a.token').expect(401)).headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      const wrongPassword = await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: 'not the password', newPassword: 'a brand new secret' }).expect(401);
      expect(wrongPassword.headers['www-authenticate']).toBeUndefined();
      await t.http.delete('/me/sessions').set(viewer.auth).expect(204);
      expect((await t.http.get('/me').set(viewer.auth).expect(401)).headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });

    it('refuses alg "none"', async () => {
      const viewer = await signUpViewer(t);
      const [, payload] = viewer.jwt.split('.');
      const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
      await t.http.get('/me').set('Authorization', `Bearer ${unsigned}`).expect(401);
    });

    it('refuses a forged signature', async () => {
      const viewer = await signUpViewer(t);
      const [, payload] = viewer.jwt.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      await t.http.get('/me').set('Authorization', `Bearer ${signHs256(claims, 'some other secret')}`).expect(401);
    });

    it('refuses a token signed with another algorithm, even with the right secret', async () => {
      const viewer = await signUpViewer(t);
      const [, payload] = viewer.jwt.split('.');
      const head = `${base64url({ alg: 'HS512', typ: 'JWT' })}.${payload}`;
      const hs512 = `${head}.${createHmac('sha512', t.config.jwtSecret).update(head).digest('base64url')}`;
      await t.http.get('/me').set('Authorization', `Bearer ${hs512}`).expect(401);
    });

    it('refuses a token that was accepted once with its signature changed', async () => {
      const viewer = await signUpViewer(t);
      await t.http.get('/me').set(viewer.auth).expect(200);
      const [head, payload, signature] = viewer.jwt.split('.');
      const altered = `${head}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
      await t.http.get('/me').set('Authorization', `Bearer ${altered}`).expect(401);
      await t.http.get('/me').set(viewer.auth).expect(200);
    });

    it('stops accepting a token the second it expires, even one used just before', async () => {
      const shortLived = await createTestApp({ JWT_TTL_SECONDS: '1' });
      try {
        const viewer = await signUpViewer(shortLived);
        const { exp } = JSON.parse(Buffer.from(viewer.jwt.split('.')[1], 'base64url').toString()) as { exp: number };
        await shortLived.http.get('/me').set(viewer.auth).expect(200);
        await new Promise((wake) => setTimeout(wake, Math.max(0, exp * 1000 - Date.now()) + 50));
        const response = await shortLived.http.get('/me').set(viewer.auth).expect(401);
        expectError(response.body, 401, /expired/);
      } finally {
        await shortLived.close();
      }
    });

    it('refuses an expired token', async () => {
      const viewer = await signUpViewer(t);
      const [, payload] = viewer.jwt.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const expired = signHs256({ ...claims, iat: 1_000, exp: 2_000 }, t.config.jwtSecret);
      const response = await t.http.get('/me').set('Authorization', `Bearer ${expired}`).expect(401);
      expectError(response.body, 401, /expired/);
    });
  });
});
