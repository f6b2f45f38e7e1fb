import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ApiConfiguration } from '@streaming/api';
import { firstValueFrom } from 'rxjs';
import { HandedPair, RefreshHandoff } from '../session/refresh-handoff';
import { SESSION_STORAGE_KEY, SessionStore } from '../session/session.store';
import { REFRESH_LOCK, TokenRefresher } from '../session/token-refresher';
import { authInterceptor } from './auth.interceptor';

const API = 'http://api.test';
const USER = { id: 'user_1', email: 'a@example.com', name: 'A' };
/** How the API refuses an expired or ended access token (RFC 6750). */
const TOKEN_REFUSED = { status: 401, statusText: 'Unauthorized', headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };

/** navigator.locks as browsers give it: callbacks for one name run one at a time, in order. */
function installWebLocks(): { requested: string[]; remove: () => void } {
  const queues = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  const locks = {
    request: (name: string, callback: () => Promise<unknown>) => {
      requested.push(name);
      const turn = (queues.get(name) ?? Promise.resolve()).then(callback, callback);
      queues.set(name, turn.catch(() => undefined));
      return turn;
    },
  };
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
  return { requested, remove: () => delete (navigator as { locks?: unknown }).locks };
}

/** Lets promise chains and HttpClient's observables move on. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: SessionStore;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    TestBed.inject(ApiConfiguration).rootUrl = API;
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    session.start({ user: USER, jwt: 'old-jwt', refreshToken: 'refresh-1' });
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API calls', async () => {
    const pending = firstValueFrom(http.get(`${API}/me`));
    const request = backend.expectOne(`${API}/me`);
    expect(request.request.headers.get('Authorization')).toBe('Bearer old-jwt');
    request.flush({ id: 'user_1' });
    await pending;
  });

  it('sends no token to the auth endpoints', async () => {
    const pending = firstValueFrom(http.post(`${API}/auth/login`, {}));
    const request = backend.expectOne(`${API}/auth/login`);
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
    await pending;
  });

  it('refreshes once for all requests that got a 401 at the same time, then retries each', async () => {
    const results = Promise.all([firstValueFrom(http.get(`${API}/me`)), firstValueFrom(http.get(`${API}/me/list`)), firstValueFrom(http.get(`${API}/recs/home`))]);
    for (const url of ['/me', '/me/list', '/recs/home']) {
      backend.expectOne(`${API}${url}`).flush({ statusCode: 401, error: 'Unauthorized', message: 'Access token has expired' }, TOKEN_REFUSED);
    }
    await settle();
    const refresh = backend.expectOne(`${API}/auth/refresh`);
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush({ jwt: 'new-jwt', refreshToken: 'refresh-2' });
    await new Promise((resolve) => setTimeout(resolve));
    for (const url of ['/me', '/me/list', '/recs/home']) {
      const retry = backend.expectOne(`${API}${url}`);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer new-jwt');
      retry.flush({ url });
    }
    expect(await results).toEqual([{ url: '/me' }, { url: '/me/list' }, { url: '/recs/home' }]);
    expect(session.refreshToken()).toBe('refresh-2');
  });

  it('signs out cleanly when the refresh fails, and passes the 401 on', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get(`${API}/me`));
    backend.expectOne(`${API}/me`).flush({ statusCode: 401 }, TOKEN_REFUSED);
    await settle();
    backend.expectOne(`${API}/auth/refresh`).flush({ statusCode: 401, message: 'Refresh token was already used' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.isSignedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/signin'], expect.anything());
  });

  describe('when the profile in use was removed on another device', () => {
    const PROFILE = { id: 'profile_2', name: 'Sam', avatar: 'fox', avatarUrl: '/avatars/fox.svg', kids: false, maturityCeiling: 'TV-MA', locked: false, autoplayNext: true };

    beforeEach(() => session.chooseProfile('old-jwt', PROFILE));

    it('takes the new pair, forgets the profile and asks who is watching, without retrying as another profile', async () => {
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      const result = firstValueFrom(http.put(`${API}/me/list/tt1001`, null));
      backend.expectOne(`${API}/me/list/tt1001`).flush({ statusCode: 401, message: 'This profile no longer exists; choose a profile again' }, TOKEN_REFUSED);
      await settle();
      backend.expectOne(`${API}/auth/refresh`).flush({ jwt: 'new-jwt', refreshToken: 'refresh-2', profileId: null });
      await expect(result).rejects.toMatchObject({ status: 401 });
      backend.expectNone(`${API}/me/list/tt1001`);
      expect(session.isSignedIn()).toBe(true);
      expect(session.profile()).toBeNull();
      expect(session.accessToken()).toBe('new-jwt');
      expect(session.refreshToken()).toBe('refresh-2');
      expect(navigate).toHaveBeenCalledWith(['/profiles']);
    });

    it('keeps the profile and retries when the refresh still speaks for it', async () => {
      const result = firstValueFrom(http.get(`${API}/me/list`));
      backend.expectOne(`${API}/me/list`).flush({ statusCode: 401 }, TOKEN_REFUSED);
      await settle();
      backend.expectOne(`${API}/auth/refresh`).flush({ jwt: 'new-jwt', refreshToken: 'refresh-2', profileId: PROFILE.id });
      await settle();
      backend.expectOne(`${API}/me/list`).flush({ items: [] });
      expect(await result).toEqual({ items: [] });
      expect(session.profile()).toEqual(PROFILE);
    });
  });

  it('leaves other errors alone', async () => {
    const result = firstValueFrom(http.get(`${API}/titles/tt9`));
    backend.expectOne(`${API}/titles/tt9`).flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toMatchObject({ status: 404 });
  });

  it('does not refresh for a 401 without a Bearer challenge (a wrong password), so the guess is not sent twice', async () => {
    const result = firstValueFrom(http.post(`${API}/me/password`, { currentPassword: 'wrong one', newPassword: 'a new one!' }));
    backend.expectOne(`${API}/me/password`).flush({ statusCode: 401, message: 'Current password is incorrect' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone(`${API}/auth/refresh`);
    expect(session.isSignedIn()).toBe(true);
  });

  it('keeps the viewer signed in when the refresh itself cannot reach the API', async () => {
    const result = firstValueFrom(http.get(`${API}/me`));
    backend.expectOne(`${API}/me`).flush({ statusCode: 401 }, TOKEN_REFUSED);
    await settle();
    backend.expectOne(`${API}/auth/refresh`).error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.isSignedIn()).toBe(true);
    expect(session.refreshToken()).toBe('refresh-1');
  });

  describe('across tabs', () => {
    let locks: ReturnType<typeof installWebLocks>;

    beforeEach(() => (locks = installWebLocks()));
    afterEach(() => locks.remove());

    it('refreshes once for two tabs: the second waits for the lock and takes the pair the first stored', async () => {
      // Two tabs: each its own refresher (its own in-flight refresh), one localStorage between them.
      const tabs = [1, 2].map(() => TestBed.runInInjectionContext(() => new TokenRefresher()));
      const fresh = Promise.all(tabs.map((tab) => tab.freshAccessToken('old-jwt')));
      await settle();
      const refresh = backend.expectOne(`${API}/auth/refresh`);
      expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
      refresh.flush({ jwt: 'new-jwt', refreshToken: 'refresh-2' });
      expect(await fresh).toEqual(['new-jwt', 'new-jwt']);
      backend.expectNone(`${API}/auth/refresh`);
      expect(locks.requested).toEqual([REFRESH_LOCK, REFRESH_LOCK]);
      expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toMatchObject({ jwt: 'new-jwt', refreshToken: 'refresh-2' });
    });

    it('takes the handed-over pair when its copy of localStorage still shows the old one', async () => {
      // Browsers spread localStorage writes to other tabs late; the hand-off is what the lock orders.
      const handed = new Map<string, HandedPair>();
      const handoff = TestBed.inject(RefreshHandoff);
      jest.spyOn(handoff, 'find').mockImplementation(async (token) => handed.get(token) ?? null);
      jest.spyOn(handoff, 'record').mockImplementation(async (token, pair) => void handed.set(token, pair));
      const [first, second] = [1, 2].map(() => TestBed.runInInjectionContext(() => new TokenRefresher()));

      const refreshed = first.freshAccessToken('old-jwt');
      await settle();
      backend.expectOne(`${API}/auth/refresh`).flush({ jwt: 'new-jwt', refreshToken: 'refresh-2' });
      expect(await refreshed).toBe('new-jwt');

      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ user: USER, jwt: 'old-jwt', refreshToken: 'refresh-1' }));
      expect(await second.freshAccessToken('old-jwt')).toBe('new-jwt');
      backend.expectNone(`${API}/auth/refresh`);
      expect(session.refreshToken()).toBe('refresh-2');
    });
  });
});
