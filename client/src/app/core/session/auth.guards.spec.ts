import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';
import type { ProfileDto } from '@streaming/api';
import { authGuard, guestGuard, notForKidsGuard, signedInGuard } from './auth.guards';
import { SESSION_STORAGE_KEY, SessionStore } from './session.store';

const SESSION = { user: { id: 'user_1', email: 'a@example.com', name: 'A' }, jwt: 'jwt', refreshToken: 'refresh' };
const PROFILE: ProfileDto = { id: 'prof_1', name: 'A', avatar: 'ember', avatarUrl: 'http://api/avatars/ember.svg', kids: false, maturityCeiling: 'NC-17', locked: false, autoplayNext: true };

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

  it('lets a signed-in viewer through once a profile is chosen, and keeps them off the sign-in pages', () => {
    TestBed.inject(SessionStore).start(SESSION);
    TestBed.inject(SessionStore).chooseProfile('profile-jwt', PROFILE);
    expect(run(authGuard, '/my-list')).toBe(true);
    const result = run(guestGuard, '/signin');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/');
  });

  it('lets signed-out visitors onto the sign-in pages', () => {
    expect(run(guestGuard, '/signin')).toBe(true);
  });

  it('sends a signed-in viewer who has chosen no profile to the picker, remembering where they were going', () => {
    TestBed.inject(SessionStore).start(SESSION);
    const result = run(authGuard, '/title/tt1000');
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/profiles?returnUrl=%2Ftitle%2Ftt1000');
    expect(run(signedInGuard, '/profiles')).toBe(true);
  });

  it('keeps a kids profile away from managing profiles and the account', () => {
    TestBed.inject(SessionStore).start(SESSION);
    TestBed.inject(SessionStore).chooseProfile('profile-jwt', { ...PROFILE, kids: true, maturityCeiling: 'TV-Y7' });
    expect(TestBed.inject(Router).serializeUrl(run(notForKidsGuard, '/profiles/manage') as UrlTree)).toBe('/');
    TestBed.inject(SessionStore).chooseProfile('profile-jwt', PROFILE);
    expect(run(notForKidsGuard, '/profiles/manage')).toBe(true);
  });

  it('restores the session and its profile from storage after a reload', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...SESSION, profile: PROFILE }));
    expect(TestBed.inject(SessionStore).user()).toEqual(SESSION.user);
    expect(TestBed.inject(SessionStore).profile()).toEqual(PROFILE);
    expect(run(authGuard, '/')).toBe(true);
  });

  it('reads a session stored before profiles as one that has chosen none', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(true);
    expect(TestBed.inject(SessionStore).profile()).toBeNull();
  });

  it('ignores a corrupt stored session', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, '{"jwt": 3');
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
  });
});
