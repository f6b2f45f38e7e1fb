import { createTestApp, signUpViewer, TestApp } from './support/test-app';

describe('Account API', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });

  afterEach(() => t.close());

  it('GET /me returns the profile without any password field', async () => {
    const viewer = await signUpViewer(t, { name: 'Grace' });
    const response = await t.http.get('/me').set(viewer.auth).expect(200);
    expect(response.body).toEqual({ id: viewer.id, email: viewer.email, name: 'Grace', createdAt: new Date(t.clock.now()).toISOString() });
  });

  it('PATCH /me renames the viewer, trimmed, and the change persists', async () => {
    const viewer = await signUpViewer(t);
    const response = await t.http.patch('/me').set(viewer.auth).send({ name: '  New Name ' }).expect(200);
    expect(response.body).toMatchObject({ id: viewer.id, name: 'New Name' });
    expect((await t.http.get('/me').set(viewer.auth).expect(200)).body.name).toBe('New Name');
  });

  it.each([
    [{}, /name/],
    [{ name: '' }, /name must not be empty/],
    [{ name: 'x'.repeat(101) }, /name must be shorter/],
    [{ name: 'Ok', email: 'hijack@example.com' }, /property email should not exist/],
    [{ name: 42 }, /name must be a string/],
  ])('PATCH /me refuses %j with 400 and changes nothing', async (body, message) => {
    const viewer = await signUpViewer(t, { name: 'Before' });
    const response = await t.http.patch('/me').set(viewer.auth).send(body).expect(400);
    expect(response.body.message).toMatch(message);
    expect((await t.http.get('/me').set(viewer.auth).expect(200)).body).toMatchObject({ name: 'Before', email: viewer.email });
  });

  describe('POST /me/password', () => {
    it('changes the password and ends every other session at once, keeping this one', async () => {
      const viewer = await signUpViewer(t);
      const laptop = await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);

      await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: viewer.password, newPassword: 'a brand new secret' }).expect(204);

      await t.http.get('/me').set('Authorization', `Bearer ${laptop.body.jwt}`).expect(401);
      await t.http.post('/auth/refresh').send({ refreshToken: laptop.body.refreshToken }).expect(401);
      await t.http.get('/me').set(viewer.auth).expect(200);
      await t.http.post('/auth/refresh').send({ refreshToken: viewer.refreshToken }).expect(200);

      await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(401);
      await t.http.post('/auth/login').send({ email: viewer.email, password: 'a brand new secret' }).expect(200);
    });

    it('refuses a wrong current password with 401 and keeps the old password', async () => {
      const viewer = await signUpViewer(t);
      const response = await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: 'not it at all', newPassword: 'a brand new secret' }).expect(401);
      expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Current password is incorrect' });
      await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
    });

    it('refuses a current password over 72 bytes, which bcrypt would cut into a match, and keeps the old password', async () => {
      const password = 'p'.repeat(72);
      const viewer = await signUpViewer(t, { password });
      const response = await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: `${password}junk`, newPassword: 'a brand new secret' }).expect(400);
      expect(response.body.message).toBe('currentPassword must be 8 to 72 bytes of UTF-8');
      await t.http.post('/auth/login').send({ email: viewer.email, password }).expect(200);
    });

    it('counts wrong current passwords against the account, so a stolen access token is no password oracle', async () => {
      const viewer = await signUpViewer(t);
      for (let guess = 0; guess < t.config.loginMaxFailuresPerAccount; guess++) {
        await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: `wrong guess ${guess}`, newPassword: 'a brand new secret' }).expect(401);
      }
      // Paused: the right password is not even checked, here or at sign-in, until the window ends.
      const paused = await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: viewer.password, newPassword: 'a brand new secret' }).expect(429);
      expect(paused.headers['retry-after']).toBe(String(t.config.loginAccountWindowSeconds));
      expect(paused.body.message).toMatch(/^Too many sign-in attempts; try again in \d+ seconds$/);
      await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(429);
      t.clock.advance(t.config.loginAccountWindowSeconds);
      await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: viewer.password, newPassword: 'a brand new secret' }).expect(204);
      await t.http.post('/auth/login').send({ email: viewer.email, password: 'a brand new secret' }).expect(200);
    });

    it('refuses a new password that is too short or too long', async () => {
      const viewer = await signUpViewer(t);
      for (const newPassword of ['short', 'x'.repeat(73)]) {
        const response = await t.http.post('/me/password').set(viewer.auth).send({ currentPassword: viewer.password, newPassword }).expect(400);
        expect(response.body.message).toMatch(/newPassword must be 8 to 72 bytes/);
      }
    });
  });

  it('DELETE /me/sessions signs out every device, this one included, at once', async () => {
    const viewer = await signUpViewer(t);
    const phone = await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
    await t.http.delete('/me/sessions').set(viewer.auth).expect(204);
    for (const jwt of [viewer.jwt, phone.body.jwt]) {
      await t.http.get('/me').set('Authorization', `Bearer ${jwt}`).expect(401);
    }
    for (const refreshToken of [viewer.refreshToken, phone.body.refreshToken]) {
      await t.http.post('/auth/refresh').send({ refreshToken }).expect(401);
    }
    await t.http.post('/auth/login').send({ email: viewer.email, password: viewer.password }).expect(200);
  });

  it('keeps viewers apart: one viewer signing out everywhere does not touch another', async () => {
    const a = await signUpViewer(t);
    const b = await signUpViewer(t);
    await t.http.delete('/me/sessions').set(a.auth).expect(204);
    await t.http.get('/me').set(b.auth).expect(200);
  });

  it.each([
    ['get', '/me'],
    ['patch', '/me'],
    ['post', '/me/password'],
    ['delete', '/me/sessions'],
  ] as const)('%s %s without a token is 401', async (method, path) => {
    await t.http[method](path).expect(401);
  });
});
