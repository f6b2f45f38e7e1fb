import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Api, listProfiles, ProfileDto, selectProfile } from '@streaming/api';
import { RequestCache } from '../cache/request-cache';
import { SESSION_STORAGE_KEY, SessionStore } from '../session/session.store';
import { ProfileSwitcher } from './profile-switcher';
import { RememberedProfile } from './remembered-profile';

const USER = { id: 'user_1', email: 'ada@example.com', name: 'Ada' };

function profile(id: string, name: string, changes: Partial<ProfileDto> = {}): ProfileDto {
  return { id, name, avatar: 'ember', avatarUrl: `http://api/avatars/${id}.svg`, kids: false, maturityCeiling: 'NC-17', locked: false, autoplayNext: true, ...changes };
}

const ADA = profile('prof_ada', 'Ada');
const SAM = profile('prof_sam', 'Sam', { kids: true, maturityCeiling: 'TV-Y7' });
const VAULT = profile('prof_vault', 'Vault', { locked: true });

describe('ProfileSwitcher', () => {
  let profiles: ProfileDto[];
  let select: jest.Mock;
  let navigate: jest.SpyInstance;

  function setUp() {
    select = jest.fn((params: { id: string }) => Promise.resolve({ jwt: `jwt-for-${params.id}`, profile: profiles.find((candidate) => candidate.id === params.id) }));
    const api = new Map<unknown, jest.Mock>([
      [listProfiles, jest.fn(() => Promise.resolve({ items: profiles }))],
      [selectProfile, select],
    ]);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: Api, useValue: { invoke: jest.fn((operation: unknown, params: unknown) => (api.get(operation) as jest.Mock)(params)) } }],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    TestBed.inject(SessionStore).start({ user: USER, jwt: 'account-jwt', refreshToken: 'refresh' });
    return TestBed.inject(ProfileSwitcher);
  }

  beforeEach(() => {
    localStorage.clear();
    profiles = [ADA, SAM, VAULT];
  });

  it('chooses a profile: its token replaces the session’s, every cached answer is forgotten, and this device remembers it', async () => {
    const switcher = setUp();
    const cache = TestBed.inject(RequestCache);
    await cache.get('recs:home', 60_000, () => Promise.resolve('the previous profile’s rows'));
    await switcher.choose(SAM);
    const session = TestBed.inject(SessionStore);
    expect(select).toHaveBeenCalledWith({ id: 'prof_sam', body: {} });
    expect(session.accessToken()).toBe('jwt-for-prof_sam');
    expect(session.refreshToken()).toBe('refresh');
    expect(session.profile()).toEqual(SAM);
    expect(await cache.get('recs:home', 60_000, () => Promise.resolve('Sam’s rows'))).toBe('Sam’s rows');
    expect(TestBed.inject(RememberedProfile).get(USER.id)).toBe('prof_sam');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').profile.id).toBe('prof_sam');
  });

  it('sends the PIN of a locked profile', async () => {
    const switcher = setUp();
    await switcher.choose(VAULT, '2468');
    expect(select).toHaveBeenCalledWith({ id: 'prof_vault', body: { pin: '2468' } });
  });

  it('after sign-in goes straight to the profile this device remembers', async () => {
    localStorage.setItem('streaming.profile.user_1', 'prof_sam');
    const switcher = setUp();
    expect(await switcher.chooseWithoutAsking()).toBe(true);
    expect(TestBed.inject(SessionStore).profile()?.id).toBe('prof_sam');
  });

  it('asks who is watching when the remembered profile is locked, deleted, or none is remembered among several', async () => {
    const switcher = setUp();
    expect(await switcher.chooseWithoutAsking()).toBe(false);
    TestBed.inject(RememberedProfile).remember(USER.id, 'prof_vault');
    expect(await switcher.chooseWithoutAsking()).toBe(false);
    TestBed.inject(RememberedProfile).remember(USER.id, 'prof_deleted');
    expect(await switcher.chooseWithoutAsking()).toBe(false);
    expect(select).not.toHaveBeenCalled();
    expect(TestBed.inject(SessionStore).profile()).toBeNull();
  });

  it('chooses an account’s only profile without asking, unless it is locked', async () => {
    profiles = [ADA];
    const switcher = setUp();
    expect(await switcher.chooseWithoutAsking()).toBe(true);
    expect(TestBed.inject(SessionStore).profile()?.id).toBe('prof_ada');
    profiles = [VAULT];
    expect(await switcher.chooseWithoutAsking()).toBe(false);
  });

  it('forgets the cache and goes home when another tab chooses another profile', async () => {
    const switcher = setUp();
    await switcher.choose(ADA);
    TestBed.tick();
    const cache = TestBed.inject(RequestCache);
    await cache.get('me:list', 60_000, () => Promise.resolve('Ada’s list'));
    const stored = JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}');
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...stored, jwt: 'jwt-for-prof_sam', profile: SAM }));
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    TestBed.tick();
    expect(TestBed.inject(SessionStore).profile()?.id).toBe('prof_sam');
    expect(await cache.get('me:list', 60_000, () => Promise.resolve('Sam’s list'))).toBe('Sam’s list');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('keeps the cache when another tab only refreshes the tokens', async () => {
    const switcher = setUp();
    await switcher.choose(ADA);
    TestBed.tick();
    const cache = TestBed.inject(RequestCache);
    await cache.get('me:list', 60_000, () => Promise.resolve('Ada’s list'));
    const stored = JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}');
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...stored, jwt: 'refreshed', refreshToken: 'refreshed' }));
    window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY }));
    TestBed.tick();
    expect(await cache.get('me:list', 60_000, () => Promise.resolve('fetched again'))).toBe('Ada’s list');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('updates the chosen profile after it is edited, and forgets what it saw under its old ceiling', async () => {
    const switcher = setUp();
    await switcher.choose(ADA);
    const cache = TestBed.inject(RequestCache);
    await cache.get('catalog:q:night', 60_000, () => Promise.resolve('mature results'));
    switcher.chosenProfileChanged({ ...ADA, name: 'Ada L.', maturityCeiling: 'PG-13' });
    expect(TestBed.inject(SessionStore).profile()).toMatchObject({ name: 'Ada L.', maturityCeiling: 'PG-13' });
    expect(await cache.get('catalog:q:night', 60_000, () => Promise.resolve('PG-13 results'))).toBe('PG-13 results');
  });
});
