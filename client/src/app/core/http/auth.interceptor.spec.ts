import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ApiConfiguration } from '@streaming/api';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../session/session.store';
import { authInterceptor } from './auth.interceptor';

const API = 'http://api.test';
const USER = { id: 'user_1', email: 'a@example.com', name: 'A' };

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
      backend.expectOne(`${API}${url}`).flush({ statusCode: 401, error: 'Unauthorized', message: 'Access token has expired' }, { status: 401, statusText: 'Unauthorized' });
    }
    await Promise.resolve();
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
    backend.expectOne(`${API}/me`).flush({ statusCode: 401 }, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne(`${API}/auth/refresh`).flush({ statusCode: 401, message: 'Refresh token was already used' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(session.isSignedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/signin'], expect.anything());
  });

  it('leaves other errors alone', async () => {
    const result = firstValueFrom(http.get(`${API}/titles/tt9`));
    backend.expectOne(`${API}/titles/tt9`).flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    await expect(result).rejects.toMatchObject({ status: 404 });
  });
});
