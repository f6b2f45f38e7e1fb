import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ProfileDto } from '@streaming/api';
import { ViewerLibrary } from '../library/viewer-library';
import { AuthFlow } from '../session/auth-flow';
import { SessionStore } from '../session/session.store';
import { TopNav } from './top-nav';

const ADA: ProfileDto = { id: 'prof_ada', name: 'Ada', avatar: 'ember', avatarUrl: 'http://api/avatars/ember.svg', kids: false, maturityCeiling: 'NC-17', locked: false, autoplayNext: true };
const SAM: ProfileDto = { ...ADA, id: 'prof_sam', name: 'Sam', avatar: 'tide', avatarUrl: 'http://api/avatars/tide.svg', kids: true, maturityCeiling: 'TV-Y7' };

async function flush(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('TopNav', () => {
  let profile: ReturnType<typeof signal<ProfileDto | null>>;
  let signOut: jest.Mock;
  let genres: jest.Mock;

  async function render() {
    signOut = jest.fn().mockResolvedValue(undefined);
    // The genres a profile may see depend on its ceiling: each call answers for the profile in use.
    genres = jest.fn(async () => ({ items: profile()?.kids ? [{ name: 'Animation', count: 4 }] : [{ name: 'Drama', count: 30 }, { name: 'Horror', count: 9 }] }));
    TestBed.configureTestingModule({
      imports: [TopNav],
      providers: [
        provideRouter([]),
        { provide: SessionStore, useValue: { isSignedIn: signal(true), profile } },
        { provide: AuthFlow, useValue: { signOut } },
        { provide: ViewerLibrary, useValue: { genres } },
      ],
    });
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(TopNav);
    await flush(fixture);
    const element = fixture.nativeElement as HTMLElement;
    const menuButton = () => element.querySelector<HTMLButtonElement>('.profile-button') as HTMLButtonElement;
    const toggle = async () => {
      menuButton().click();
      await flush(fixture);
    };
    const entries = () => [...element.querySelectorAll('#profile-menu li')].map((item) => item.textContent?.trim());
    return { fixture, element, menuButton, toggle, entries, navigate };
  }

  beforeEach(() => (profile = signal<ProfileDto | null>(ADA)));

  it('shows the profile’s avatar and name, with a menu to switch, manage, reach the account and sign out', async () => {
    const nav = await render();
    expect(nav.menuButton().querySelector('img')?.getAttribute('src')).toBe(ADA.avatarUrl);
    expect(nav.menuButton().textContent).toContain('Ada');
    expect(nav.menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(nav.entries()).toEqual([]);
    await nav.toggle();
    expect(nav.menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(nav.entries()).toEqual(['Switch profile', 'Manage profiles', 'Account', 'Sign out']);
    expect(nav.element.querySelector('.kids-mark')).toBeNull();
  });

  it('gives a kids profile the Kids mark and no way to manage profiles or the account', async () => {
    profile.set(SAM);
    const nav = await render();
    expect(nav.element.querySelector('.kids-mark')?.textContent).toBe('Kids');
    await nav.toggle();
    expect(nav.entries()).toEqual(['Switch profile', 'Sign out']);
  });

  it('closes the menu on Escape and on a click elsewhere', async () => {
    const nav = await render();
    await nav.toggle();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flush(nav.fixture);
    expect(nav.entries()).toEqual([]);
    await nav.toggle();
    document.body.click();
    await flush(nav.fixture);
    expect(nav.entries()).toEqual([]);
  });

  it('signs out from the menu and goes to sign-in', async () => {
    const nav = await render();
    await nav.toggle();
    [...nav.element.querySelectorAll('#profile-menu button')].find((button) => button.textContent === 'Sign out')?.dispatchEvent(new Event('click'));
    await flush(nav.fixture);
    expect(signOut).toHaveBeenCalled();
    expect(nav.navigate).toHaveBeenCalledWith(['/signin']);
  });

  it('offers only signing out while no profile is chosen yet', async () => {
    profile.set(null);
    const nav = await render();
    expect(nav.menuButton()).toBeNull();
    expect(nav.element.querySelector('nav')).toBeNull();
    expect(nav.element.querySelector('.who button')?.textContent?.trim()).toBe('Sign out');
  });

  it('fills the genre menu when it first opens, and again for another profile, whose ceiling decides the genres', async () => {
    const nav = await render();
    const menu = nav.element.querySelector<HTMLDetailsElement>('details.genres') as HTMLDetailsElement;
    const open = async () => {
      menu.open = true;
      menu.dispatchEvent(new Event('toggle'));
      await flush(nav.fixture);
    };
    const names = () => [...menu.querySelectorAll('li a')].map((link) => link.textContent?.trim());

    await open();
    expect(names()).toEqual(['Drama', 'Horror']);
    menu.open = false;
    await open();
    expect(genres).toHaveBeenCalledTimes(1);

    profile.set(SAM);
    await flush(nav.fixture);
    await open();
    expect(genres).toHaveBeenCalledTimes(2);
    expect(names()).toEqual(['Animation']);
  });
});
