import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Api, changePassword, getAccount, signOutEverywhere, updateAccount } from '@streaming/api';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { Notifier } from '../../core/notify/notifier';
import { AuthFlow } from '../../core/session/auth-flow';
import { SessionStore } from '../../core/session/session.store';
import { AccountPage } from './account-page';

const PROFILE = { id: 'user_1', email: 'ada@example.com', name: 'Ada', createdAt: '2026-11-02T10:00:00.000Z' };
const summary = (id: string, name: string) => ({ id, name, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] });
const HISTORY = {
  items: [
    { title: summary('tt1000', 'Aurora Drift'), position: 9, duration: 36, completed: false, updatedAt: '2026-11-29T20:00:00.000Z' },
    { title: summary('tt1001', 'Night Ferry'), position: 34, duration: 34, completed: true, updatedAt: '2026-11-28T20:00:00.000Z' },
  ],
};
const refusal = (status: number, message: string) => new HttpErrorResponse({ status, error: { statusCode: status, error: 'Refused', message } });

describe('AccountPage', () => {
  let api: Map<unknown, jest.Mock>;
  let library: { history: jest.Mock; forgetProgress: jest.Mock };
  let session: { rename: jest.Mock };
  let auth: { forgetLocally: jest.Mock; signOut: jest.Mock };
  let notifier: { info: jest.Mock; error: jest.Mock };
  let navigate: jest.SpyInstance;

  /** Answers of the API, by operation; each may be replaced before render. */
  function answer(operation: unknown, reply: jest.Mock): void {
    api.set(operation, reply);
  }

  async function render() {
    TestBed.configureTestingModule({
      imports: [AccountPage],
      providers: [
        provideRouter([]),
        { provide: Api, useValue: { invoke: jest.fn((operation: unknown, params: unknown) => (api.get(operation) ?? jest.fn())(params)) } },
        { provide: ViewerLibrary, useValue: library },
        { provide: SessionStore, useValue: session },
        { provide: AuthFlow, useValue: auth },
        { provide: Notifier, useValue: notifier },
      ],
    });
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(AccountPage);
    await fixture.whenStable();
    await flush(fixture);
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    };
    const submit = async (heading: string) => {
      const section = [...element.querySelectorAll('section')].find((candidate) => candidate.querySelector('h2')?.textContent === heading);
      section?.querySelector('form')?.dispatchEvent(new Event('submit'));
      await flush(fixture);
    };
    const press = async (name: string) => {
      const button = [...element.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent?.trim()) === name);
      (button as HTMLButtonElement).click();
      await flush(fixture);
    };
    return { fixture, element, type, submit, press };
  }

  async function flush(fixture: { detectChanges(): void; whenStable(): Promise<unknown> }) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  beforeEach(() => {
    api = new Map();
    answer(getAccount, jest.fn().mockResolvedValue(PROFILE));
    library = { history: jest.fn().mockResolvedValue(HISTORY), forgetProgress: jest.fn().mockResolvedValue(undefined) };
    session = { rename: jest.fn() };
    auth = { forgetLocally: jest.fn(), signOut: jest.fn().mockResolvedValue(undefined) };
    notifier = { info: jest.fn(), error: jest.fn() };
  });

  it('shows the profile and the viewing history, with how much of each title was watched', async () => {
    const { element } = await render();
    expect(element.textContent).toContain('ada@example.com · member since 2026-11-02');
    expect((element.querySelector('#profile-name') as HTMLInputElement).value).toBe('Ada');
    expect([...element.querySelectorAll('.history li')].map((item) => item.querySelector('.dim')?.textContent?.trim())).toEqual(['25% watched · 2026-11-29', 'Watched · 2026-11-28']);
  });

  it('says so when the account cannot be loaded', async () => {
    answer(getAccount, jest.fn().mockRejectedValue(new HttpErrorResponse({ status: 0 })));
    const { element } = await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Can’t reach the service');
  });

  describe('rename', () => {
    it('saves the new name, shows it in the app at once and says so', async () => {
      const update = jest.fn().mockResolvedValue({ ...PROFILE, name: 'Ada Lovelace' });
      answer(updateAccount, update);
      const page = await render();
      page.type('#profile-name', 'Ada Lovelace');
      await page.submit('Profile');
      expect(update).toHaveBeenCalledWith({ body: { name: 'Ada Lovelace' } });
      expect(session.rename).toHaveBeenCalledWith('Ada Lovelace');
      expect(notifier.info).toHaveBeenCalledWith('Your name was saved.');
    });

    it('refuses a name of only spaces before asking the server', async () => {
      const update = jest.fn();
      answer(updateAccount, update);
      const page = await render();
      page.type('#profile-name', '   ');
      await page.submit('Profile');
      expect(update).not.toHaveBeenCalled();
      expect(page.element.querySelector('#profile-name-error')?.textContent).toBe('Name can’t be only spaces.');
    });

    it('keeps the old name in the app when the server refuses the new one', async () => {
      answer(updateAccount, jest.fn().mockRejectedValue(refusal(400, 'name must be shorter than or equal to 100 characters')));
      const page = await render();
      page.type('#profile-name', 'Ada L.');
      await page.submit('Profile');
      expect(session.rename).not.toHaveBeenCalled();
      expect(notifier.error).toHaveBeenCalledWith('Name must be shorter than or equal to 100 characters');
    });
  });

  describe('password change', () => {
    it('sends the current and the new password, clears the form and says other devices were signed out', async () => {
      const change = jest.fn().mockResolvedValue(undefined);
      answer(changePassword, change);
      const page = await render();
      page.type('#current-password', 'the old password');
      page.type('#new-password', 'a brand new password');
      await page.submit('Change password');
      expect(change).toHaveBeenCalledWith({ body: { currentPassword: 'the old password', newPassword: 'a brand new password' } });
      expect((page.element.querySelector('#new-password') as HTMLInputElement).value).toBe('');
      expect(notifier.info).toHaveBeenCalledWith('Password changed. Your other devices have been signed out.');
    });

    it('shows the server’s answer to a wrong current password and keeps what was typed', async () => {
      answer(changePassword, jest.fn().mockRejectedValue(refusal(401, 'Current password is wrong')));
      const page = await render();
      page.type('#current-password', 'not it');
      page.type('#new-password', 'a brand new password');
      await page.submit('Change password');
      expect(notifier.error).toHaveBeenCalledWith('Current password is wrong');
      expect((page.element.querySelector('#new-password') as HTMLInputElement).value).toBe('a brand new password');
    });

    it('checks the new password’s length in bytes before asking the server', async () => {
      const change = jest.fn();
      answer(changePassword, change);
      const page = await render();
      page.type('#current-password', 'the old password');
      page.type('#new-password', 'short');
      await page.submit('Change password');
      expect(change).not.toHaveBeenCalled();
      expect(page.element.querySelector('#new-password-error')?.textContent).toBe('Use at least 8 characters.');
    });
  });

  describe('sign out everywhere', () => {
    it('ends every session, forgets this one here and goes to sign-in', async () => {
      const everywhere = jest.fn().mockResolvedValue(undefined);
      answer(signOutEverywhere, everywhere);
      const page = await render();
      await page.press('Sign out of all devices');
      expect(everywhere).toHaveBeenCalledTimes(1);
      expect(auth.forgetLocally).toHaveBeenCalledTimes(1);
      expect(navigate).toHaveBeenCalledWith(['/signin']);
      expect(notifier.info).toHaveBeenCalledWith('You have been signed out on every device.');
    });

    it('stays signed in and says so when the server cannot be reached', async () => {
      answer(signOutEverywhere, jest.fn().mockRejectedValue(new HttpErrorResponse({ status: 0 })));
      const page = await render();
      await page.press('Sign out of all devices');
      expect(auth.forgetLocally).not.toHaveBeenCalled();
      expect(navigate).not.toHaveBeenCalled();
      expect(notifier.error).toHaveBeenCalledWith('Can’t reach the service. Check your connection and try again.');
    });

    it('signs out of this device only with the other button', async () => {
      const everywhere = jest.fn();
      answer(signOutEverywhere, everywhere);
      const page = await render();
      await page.press('Sign out of this device');
      expect(auth.signOut).toHaveBeenCalledTimes(1);
      expect(everywhere).not.toHaveBeenCalled();
      expect(navigate).toHaveBeenCalledWith(['/signin']);
    });
  });

  describe('history removal', () => {
    const names = (element: HTMLElement) => [...element.querySelectorAll('.history li a')].map((link) => link.textContent);

    it('removes a title from the history at once, before the server has answered', async () => {
      let answerRemoval: (value?: unknown) => void = () => undefined;
      library.forgetProgress.mockReturnValue(new Promise((resolve) => (answerRemoval = resolve)));
      const page = await render();
      await page.press('Remove Aurora Drift from history');
      expect(library.forgetProgress).toHaveBeenCalledWith('tt1000');
      expect(names(page.element)).toEqual(['Night Ferry']);
      answerRemoval();
      await page.fixture.whenStable();
      page.fixture.detectChanges();
      expect(names(page.element)).toEqual(['Night Ferry']);
      expect(notifier.error).not.toHaveBeenCalled();
    });

    it('puts the title back and says so when the server refuses', async () => {
      library.forgetProgress.mockRejectedValue(new HttpErrorResponse({ status: 503 }));
      const page = await render();
      await page.press('Remove Aurora Drift from history');
      expect(names(page.element)).toEqual(['Aurora Drift', 'Night Ferry']);
      expect(notifier.error).toHaveBeenCalledWith('The service had a problem. Please try again in a moment.');
    });
  });
});
