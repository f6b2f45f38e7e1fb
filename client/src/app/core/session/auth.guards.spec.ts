import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import { authGuard, guestGuard } from './auth.guards';
import { SESSION_STORAGE_KEY, SessionStore } from './session.store';

const SESSION = { user: { id: 'user_1', email: 'a@example.com', name: 'A' }, jwt: 'jwt', refreshToken: 'refresh' };

function run(guard: typeof authGuard, url: string): boolean | UrlTree {
  return TestBed.runInInjectionContext(() => guard({} as never, { url } as RouterStateSnapshot)) as boolean | UrlTree;
}

describe('route guards', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('sends a signed-out visitor to sign-in, remembering where they were going', () => {
    const result = run(authGuard, '/title/tt1000');
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/signin?returnUrl=%2Ftitle%2Ftt1000');
  });

  it('lets a signed-in viewer through, and keeps them off the sign-in pages', () => {
    TestBed.inject(SessionStore).start(SESSION);
    expect(run(authGuard, '/my-list')).toBe(true);
    const result = run(guestGuard, '/signin');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/');
  });

  it('lets signed-out visitors onto the sign-in pages', () => {
    expect(run(guestGuard, '/signin')).toBe(true);
  });

  it('restores the session from storage after a reload', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    expect(TestBed.inject(SessionStore).user()).toEqual(SESSION.user);
    expect(run(authGuard, '/')).toBe(true);
  });

  it('ignores a corrupt stored session', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, '{"jwt": 3');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
  });
});
