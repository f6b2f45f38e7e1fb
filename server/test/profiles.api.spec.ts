import { buildCatalog } from '../src/catalog/catalog-seed';
import { maturityLevel } from '../src/catalog/maturity';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

interface Profile {
  id: string;
  name: string;
  avatar: string;
  avatarUrl: string;
  kids: boolean;
  maturityCeiling: string;
  locked: boolean;
  autoplayNext: boolean;
}

const CATALOG = buildCatalog(100);
const KIDS_LEVEL = maturityLevel('TV-Y7');
const MATURE = CATALOG.filter((title) => maturityLevel(title.maturityRating) > KIDS_LEVEL);
const FOR_KIDS = CATALOG.filter((title) => maturityLevel(title.maturityRating) <= KIDS_LEVEL);

function bearer(jwt: string): { Authorization: string } {
  return { Authorization: `Bearer ${jwt}` };
}

describe('Profiles API', () => {
  let t: TestApp;
  let owner: Viewer;

  beforeEach(async () => {
    t = await createTestApp();
    owner = await signUpViewer(t, { name: 'Robin Owner' });
  });

  afterEach(() => t.close());

  async function profiles(auth = owner.auth): Promise<Profile[]> {
    return (await t.http.get('/profiles').set(auth).expect(200)).body.items as Profile[];
  }

  async function create(body: object, auth = owner.auth): Promise<Profile> {
    return (await t.http.post('/profiles').set(auth).send(body).expect(201)).body as Profile;
  }

  async function select(id: string, body: object = {}, auth = owner.auth): Promise<{ Authorization: string }> {
    return bearer((await t.http.post(`/profiles/${id}/select`).set(auth).send(body).expect(200)).body.jwt as string);
  }

  it('gives a new account its first profile, named after it, unlocked and allowed everything', async () => {
    const [first] = await profiles();
    expect(first).toEqual({
      id: expect.stringMatching(/^prof_/),
      name: 'Robin Owner',
      avatar: 'ember',
      avatarUrl: expect.stringMatching(/\/avatars\/ember\.svg\?v=\d+$/),
      kids: false,
      maturityCeiling: 'NC-17',
      locked: false,
      autoplayNext: true,
    });
    const avatar = await t.http.get(new URL(first.avatarUrl).pathname).expect(200);
    expect(avatar.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(avatar.headers['cache-control']).toMatch(/immutable/);
    expect(String(avatar.body)).toMatch(/^<svg /);
    await t.http.get('/avatars/nobody.svg').expect(404);
  });

  it('creates up to five profiles, then refuses with 409; a kids profile gets a kids ceiling', async () => {
    const kid = await create({ name: '  Sam  ', kids: true });
    expect(kid).toMatchObject({ name: 'Sam', kids: true, maturityCeiling: 'TV-Y7', avatar: 'tide', locked: false });
    await create({ name: 'Three', avatar: 'moss', maturityCeiling: 'PG-13', autoplayNext: false });
    await create({ name: 'Four' });
    await create({ name: 'Five' });
    const full = await t.http.post('/profiles').set(owner.auth).send({ name: 'Six' }).expect(409);
    expect(full.body.message).toBe('An account has at most 5 profiles');
    expect((await profiles()).map((profile) => profile.name)).toEqual(['Robin Owner', 'Sam', 'Three', 'Four', 'Five']);
  });

  it.each([
    [{}, /name must not be empty|name must be a string/],
    [{ name: '' }, /name must not be empty/],
    [{ name: 'x'.repeat(51) }, /name must be shorter than or equal to 50 characters/],
    [{ name: 'A', avatar: 'unicorn' }, /avatar must be one of/],
    [{ name: 'A', maturityCeiling: 'X-RATED' }, /maturityCeiling must be one of/],
    [{ name: 'A', kids: 'yes' }, /kids must be a boolean/],
    [{ name: 'A', kids: true, maturityCeiling: 'R' }, /maturityCeiling of a kids profile must be at most TV-Y7 \/ PG \(got R\)/],
    [{ name: 'A', pinHash: 'x' }, /property pinHash should not exist/],
  ])('refuses to create %j with 400 naming the field', async (body, message) => {
    const response = await t.http.post('/profiles').set(owner.auth).send(body).expect(400);
    expect(response.body.message).toMatch(message);
    expect(await profiles()).toHaveLength(1);
  });

  it('changes a profile; making it a kids profile brings its ceiling down', async () => {
    const profile = await create({ name: 'Alex', maturityCeiling: 'R' });
    const changed = (await t.http.patch(`/profiles/${profile.id}`).set(owner.auth).send({ name: 'Alexis', avatar: 'night', autoplayNext: false }).expect(200)).body;
    expect(changed).toMatchObject({ name: 'Alexis', avatar: 'night', autoplayNext: false, maturityCeiling: 'R', kids: false });
    expect((await t.http.patch(`/profiles/${profile.id}`).set(owner.auth).send({ kids: true }).expect(200)).body).toMatchObject({ kids: true, maturityCeiling: 'TV-Y7' });
    await t.http.patch(`/profiles/${profile.id}`).set(owner.auth).send({ maturityCeiling: 'PG-13' }).expect(400);
    await t.http.patch('/profiles/prof_nobody').set(owner.auth).send({ name: 'Ghost' }).expect(404);
    const stranger = await signUpViewer(t);
    await t.http.patch(`/profiles/${profile.id}`).set(stranger.auth).send({ name: 'Hijack' }).expect(404);
  });

  it('removes a profile, never the last and never the one in use, and sends the devices that chose it back to the picker', async () => {
    const [first] = await profiles();
    await t.http.delete(`/profiles/${first.id}`).set(owner.auth).expect(409);
    const other = await create({ name: 'Other' });
    const device = await t.http.post('/auth/login').send({ email: owner.email, password: owner.password }).expect(200);
    const deviceAuth = await select(other.id, {}, bearer(device.body.jwt));
    await t.http.get('/me/list').set(deviceAuth).expect(200);
    const inUse = await t.http.delete(`/profiles/${other.id}`).set(deviceAuth).expect(409);
    expect(inUse.body.message).toMatch(/switch to another profile/);
    const beforeRemoval = await t.http.post('/auth/refresh').send({ refreshToken: device.body.refreshToken }).expect(200);
    expect(beforeRemoval.body.profileId).toBe(other.id);
    await t.http.delete(`/profiles/${other.id}`).set(owner.auth).expect(204);
    const refused = await t.http.get('/me/list').set(deviceAuth).expect(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(refused.body.message).toMatch(/profile no longer exists/);
    // The device stays signed in, with no profile chosen: its refresh says so, and it may choose again.
    const refreshed = await t.http.post('/auth/refresh').send({ refreshToken: beforeRemoval.body.refreshToken }).expect(200);
    expect(refreshed.body.profileId).toBeNull();
    const [remaining] = await profiles();
    const chosenAgain = await select(remaining.id, {}, bearer(refreshed.body.jwt));
    await t.http.get('/me/list').set(chosenAgain).expect(200);
    await t.http.delete(`/profiles/${other.id}`).set(owner.auth).expect(404);
    await t.http.get('/me/list').set(owner.auth).expect(200);
  });

  it('binds an access token to the profile chosen, and a refresh keeps it', async () => {
    const other = await create({ name: 'Other' });
    const auth = await select(other.id);
    await t.http.put('/me/list/tt1005').set(auth).expect(204);
    expect((await t.http.get('/me/list').set(auth).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual(['tt1005']);
    expect((await t.http.get('/me/list').set(owner.auth).expect(200)).body.items).toEqual([]);
    const refreshed = await t.http.post('/auth/refresh').send({ refreshToken: owner.refreshToken }).expect(200);
    expect((await t.http.get('/me/list').set(bearer(refreshed.body.jwt)).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual(['tt1005']);
    await t.http.post('/profiles/prof_nobody/select').set(owner.auth).send({}).expect(404);
  });

  it('locks a profile with a PIN set and removed with the account password; choosing it needs the PIN', async () => {
    const locked = await create({ name: 'Private' });
    await t.http.put(`/profiles/${locked.id}/pin`).set(owner.auth).send({ pin: '12a4', password: owner.password }).expect(400);
    const wrongPassword = await t.http.put(`/profiles/${locked.id}/pin`).set(owner.auth).send({ pin: '2468', password: 'not the password' }).expect(401);
    expect(wrongPassword.body.message).toBe('Password is incorrect');
    await t.http.put(`/profiles/${locked.id}/pin`).set(owner.auth).send({ pin: '2468', password: owner.password }).expect(204);
    expect((await profiles()).find((profile) => profile.id === locked.id)?.locked).toBe(true);
    expect((await t.http.post(`/profiles/${locked.id}/select`).set(owner.auth).send({}).expect(403)).body.message).toMatch(/is locked: send its 4-digit PIN/);
    expect((await t.http.post(`/profiles/${locked.id}/select`).set(owner.auth).send({ pin: '1111' }).expect(403)).body.message).toMatch(/not the PIN/);
    await select(locked.id, { pin: '2468' });
    await t.http.delete(`/profiles/${locked.id}/pin`).set(owner.auth).send({ password: owner.password }).expect(204);
    await select(locked.id);
  });

  it('never lets a login that has not chosen a profile act as a locked first profile, nor choose it without the PIN', async () => {
    const [first] = await profiles();
    await t.http.put(`/profiles/${first.id}/pin`).set(owner.auth).send({ pin: '1357', password: owner.password }).expect(204);
    const device = await t.http.post('/auth/login').send({ email: owner.email, password: owner.password }).expect(200);
    const deviceAuth = bearer(device.body.jwt as string);
    const refused = await t.http.get('/me/list').set(deviceAuth).expect(403);
    expect(refused.body.message).toBe('Profile Robin Owner is locked: choose a profile (with its PIN) first');
    await t.http.get('/recs/home').set(deviceAuth).expect(403);
    await t.http.post('/play/start').set(deviceAuth).send({ titleId: FOR_KIDS[0].id }).expect(403);
    expect((await t.http.post(`/profiles/${first.id}/select`).set(deviceAuth).send({}).expect(403)).body.message).toMatch(/is locked: send its 4-digit PIN/);
    expect((await profiles(deviceAuth)).map((profile) => profile.id)).toEqual([first.id]);
    const chosen = await select(first.id, { pin: '1357' }, deviceAuth);
    await t.http.get('/me/list').set(chosen).expect(200);
    // Chosen with its PIN, it may be chosen again (a new token) without it.
    await select(first.id, {}, chosen);
  });

  it('throttles PIN guesses like sign-ins: 429 with Retry-After, the right PIN included, until the window passes', async () => {
    const locked = await create({ name: 'Vault' });
    await t.http.put(`/profiles/${locked.id}/pin`).set(owner.auth).send({ pin: '9876', password: owner.password }).expect(204);
    for (let guess = 0; guess < t.config.loginMaxFailuresPerAccount; guess++) {
      await t.http.post(`/profiles/${locked.id}/select`).set(owner.auth).send({ pin: String(1000 + guess) }).expect(403);
    }
    const paused = await t.http.post(`/profiles/${locked.id}/select`).set(owner.auth).send({ pin: '9876' }).expect(429);
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(0);
    expect(paused.body.message).toMatch(/^Too many wrong PINs/);
    t.clock.advance(Number(paused.headers['retry-after']));
    await select(locked.id, { pin: '9876' });
  });

  it('counts wrong passwords given to lock a profile against the account, like failed sign-ins', async () => {
    const profile = await create({ name: 'Guarded' });
    for (let guess = 0; guess < t.config.loginMaxFailuresPerAccount; guess++) {
      await t.http.put(`/profiles/${profile.id}/pin`).set(owner.auth).send({ pin: '1234', password: `guess number ${guess}` }).expect(401);
    }
    await t.http.put(`/profiles/${profile.id}/pin`).set(owner.auth).send({ pin: '1234', password: owner.password }).expect(429);
    await t.http.post('/auth/login').send({ email: owner.email, password: owner.password }).expect(429);
  });

  describe('a kids profile', () => {
    let kidAuth: { Authorization: string };
    let kid: Profile;

    beforeEach(async () => {
      kid = await create({ name: 'Kid', kids: true });
      kidAuth = await select(kid.id);
    });

    it.each([
      ['POST', '/profiles', { name: 'Sneaky' }],
      ['PATCH', '/profiles/{kid}', { maturityCeiling: 'NC-17' }],
      ['DELETE', '/profiles/{first}', undefined],
      ['PUT', '/profiles/{kid}/pin', { pin: '1234', password: 'long enough password' }],
      ['DELETE', '/profiles/{kid}/pin', { password: 'long enough password' }],
      ['PATCH', '/me', { name: 'Renamed by a kid' }],
      ['POST', '/me/password', { currentPassword: 'long enough password', newPassword: 'another long password' }],
      ['DELETE', '/me/sessions', undefined],
    ])('cannot %s %s (403)', async (method, path, body) => {
      const [first] = await profiles();
      const url = path.replace('{kid}', kid.id).replace('{first}', first.id);
      const request = t.http[method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete'](url).set(kidAuth);
      const response = await (body === undefined ? request : request.send(body)).expect(403);
      expect(response.body.message).toBe('A kids profile cannot manage profiles or the account');
      expect((await profiles()).find((profile) => profile.id === kid.id)?.maturityCeiling).toBe('TV-Y7');
    });

    it('may still see the profiles and choose another (with its PIN when locked)', async () => {
      const [first] = await profiles(kidAuth);
      await t.http.put(`/profiles/${first.id}/pin`).set(owner.auth).send({ pin: '4321', password: owner.password }).expect(204);
      await t.http.post(`/profiles/${first.id}/select`).set(kidAuth).send({}).expect(403);
      await select(first.id, { pin: '4321' }, kidAuth);
    });

    it('is refused a mature title when opened, played, saved, rated or used for recommendations, with a 403 that says why', async () => {
      const mature = MATURE.find((title) => title.maturityRating === 'R') ?? MATURE[0];
      const opened = await t.http.get(`/titles/${mature.id}`).set(kidAuth).expect(403);
      expect(opened.body).toEqual({ statusCode: 403, error: 'Forbidden', message: `Title ${mature.id} is rated ${mature.maturityRating}, above this profile's maturity limit (TV-Y7)` });
      await t.http.post('/play/start').set(kidAuth).send({ titleId: mature.id }).expect(403);
      await t.http.post('/play/heartbeat').set(kidAuth).send({ titleId: mature.id, position: 3 }).expect(403);
      await t.http.put(`/me/list/${mature.id}`).set(kidAuth).expect(403);
      await t.http.put(`/me/ratings/${mature.id}`).set(kidAuth).send({ rating: 'up' }).expect(403);
      await t.http.get(`/recs/because/${mature.id}`).set(kidAuth).expect(403);
      await t.http.get(`/titles/${FOR_KIDS[0].id}`).set(kidAuth).expect(200);
      await t.http.get(`/titles/${mature.id}`).set(owner.auth).expect(200);
    });
  });
});
