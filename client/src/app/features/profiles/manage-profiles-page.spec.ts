import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Api, createProfile, deleteProfile, listAvatars, ProfileDto, removeProfilePin, setProfilePin, updateProfile } from '@streaming/api';
import { Notifier } from '../../core/notify/notifier';
import { ProfileSwitcher } from '../../core/profiles/profile-switcher';
import { SessionStore } from '../../core/session/session.store';
import { ManageProfilesPage } from './manage-profiles-page';

function profile(id: string, name: string, changes: Partial<ProfileDto> = {}): ProfileDto {
  return { id, name, avatar: 'ember', avatarUrl: `http://api/avatars/${id}.svg`, kids: false, maturityCeiling: 'NC-17', locked: false, autoplayNext: true, ...changes };
}

const ADA = profile('prof_ada', 'Ada');
const SAM = profile('prof_sam', 'Sam', { avatar: 'tide', kids: true, maturityCeiling: 'TV-Y7' });
const AVATARS = { items: ['ember', 'tide', 'fern'].map((key) => ({ key, url: `http://api/avatars/${key}.svg` })) };
const refusal = (status: number, message: string) => new HttpErrorResponse({ status, error: { statusCode: status, error: 'Refused', message } });

async function flush(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  fixture.detectChanges();
}

describe('ManageProfilesPage', () => {
  let api: Map<unknown, jest.Mock>;
  let profiles: ProfileDto[];
  let switcher: { list: jest.Mock; chosenProfileChanged: jest.Mock };
  let notifier: { info: jest.Mock; error: jest.Mock };

  async function render() {
    TestBed.configureTestingModule({
      imports: [ManageProfilesPage],
      providers: [
        provideRouter([]),
        { provide: Api, useValue: { invoke: jest.fn((operation: unknown, params: unknown) => (api.get(operation) as jest.Mock)(params)) } },
        { provide: ProfileSwitcher, useValue: switcher },
        { provide: SessionStore, useValue: { profile: signal(ADA) } },
        { provide: Notifier, useValue: notifier },
      ],
    });
    const navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ManageProfilesPage);
    await flush(fixture);
    const element = fixture.nativeElement as HTMLElement;
    const dialog = () => element.querySelector<HTMLElement>('[role="dialog"]');
    const click = async (label: string, within: ParentNode = element) => {
      const button = [...within.querySelectorAll('button')].find((candidate) => candidate.getAttribute('aria-label') === label || candidate.textContent?.trim() === label);
      if (!button) throw new Error(`no button ${label}`);
      button.click();
      await flush(fixture);
    };
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    };
    const check = (selector: string, checked: boolean) => {
      const input = element.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
      input.checked = checked;
      input.dispatchEvent(new Event('change'));
    };
    const submit = async () => {
      dialog()?.querySelector('form')?.dispatchEvent(new Event('submit'));
      await flush(fixture);
    };
    const names = () => [...element.querySelectorAll('.card h2')].map((heading) => heading.textContent);
    const ceilings = () => [...element.querySelectorAll<HTMLOptionElement>('#profile-ceiling option')].map((option) => option.value);
    const settle = () => flush(fixture);
    return { element, dialog, click, type, check, submit, settle, names, ceilings, navigateByUrl };
  }

  beforeEach(() => {
    profiles = [ADA, SAM];
    switcher = { list: jest.fn(() => Promise.resolve([...profiles])), chosenProfileChanged: jest.fn() };
    notifier = { info: jest.fn(), error: jest.fn() };
    api = new Map<unknown, jest.Mock>([
      [listAvatars, jest.fn().mockResolvedValue(AVATARS)],
      [
        createProfile,
        jest.fn((params: { body: Partial<ProfileDto> & { name: string } }) => {
          const created = profile('prof_new', params.body.name, params.body);
          profiles.push(created);
          return Promise.resolve(created);
        }),
      ],
      [
        updateProfile,
        jest.fn((params: { id: string; body: Partial<ProfileDto> }) => {
          profiles = profiles.map((candidate) => (candidate.id === params.id ? { ...candidate, ...params.body } : candidate));
          return Promise.resolve(profiles.find((candidate) => candidate.id === params.id));
        }),
      ],
      [
        deleteProfile,
        jest.fn((params: { id: string }) => {
          profiles = profiles.filter((candidate) => candidate.id !== params.id);
          return Promise.resolve(undefined);
        }),
      ],
      [setProfilePin, jest.fn().mockResolvedValue(undefined)],
      [removeProfilePin, jest.fn().mockResolvedValue(undefined)],
    ]);
  });

  it('lists the profiles with what each may see, and marks the one watching now', async () => {
    const page = await render();
    expect(page.names()).toEqual(['Ada', 'Sam']);
    const sam = page.element.querySelector('[aria-label="Sam"]');
    expect(sam?.textContent).toContain('Kids');
    expect(sam?.textContent).toContain('Up to TV-Y7');
    expect(page.element.querySelector('[aria-label="Ada"]')?.textContent).toContain('Watching now');
  });

  it('adds a kids profile with a chosen avatar, offering only kids ceilings once Kids is ticked', async () => {
    const page = await render();
    await page.click('Add profile');
    expect(page.dialog()?.querySelector('h2')?.textContent).toBe('Add a profile');
    expect(page.ceilings()).toContain('NC-17');
    page.type('#profile-name', 'Robin');
    page.element.querySelector('img[alt="fern"]')?.closest('label')?.querySelector('input')?.click();
    page.check('input[formControlName="kids"]', true);
    await page.settle();
    expect(page.ceilings()).not.toContain('NC-17');
    await page.submit();
    expect(api.get(createProfile)).toHaveBeenCalledWith({ body: { name: 'Robin', avatar: 'fern', kids: true, maturityCeiling: 'TV-Y7', autoplayNext: true } });
    expect(page.dialog()).toBeNull();
    expect(page.names()).toEqual(['Ada', 'Sam', 'Robin']);
  });

  it('limits the maturity choices of a kids profile to TV-Y7 / PG and below', async () => {
    const page = await render();
    await page.click('Edit Sam');
    expect(page.ceilings()).toEqual(['TV-Y', 'G', 'TV-G', 'TV-Y7', 'PG', 'TV-PG']);
  });

  it('checks the name before sending, and shows the server’s refusal (409: at most 5 profiles)', async () => {
    api.set(createProfile, jest.fn().mockRejectedValue(refusal(409, 'An account has at most 5 profiles')));
    const page = await render();
    await page.click('Add profile');
    await page.submit();
    expect(api.get(createProfile)).not.toHaveBeenCalled();
    expect(page.element.querySelector('#profile-name-error')?.textContent).toBe('Enter your name.');
    page.type('#profile-name', 'Six');
    await page.submit();
    expect(page.dialog()?.querySelector('[role="alert"]')?.textContent).toBe('An account has at most 5 profiles');
  });

  it('renames a profile; renaming the one watching now updates it everywhere', async () => {
    const page = await render();
    await page.click('Edit Ada');
    expect(page.element.querySelector<HTMLInputElement>('#profile-name')?.value).toBe('Ada');
    page.type('#profile-name', 'Ada L.');
    await page.submit();
    expect(api.get(updateProfile)).toHaveBeenCalledWith({ id: 'prof_ada', body: { name: 'Ada L.', avatar: 'ember', kids: false, maturityCeiling: 'NC-17', autoplayNext: true } });
    expect(switcher.chosenProfileChanged).toHaveBeenCalledWith(expect.objectContaining({ id: 'prof_ada', name: 'Ada L.' }));
    expect(page.names()).toEqual(['Ada L.', 'Sam']);
  });

  it('deletes a profile only once the viewer confirms', async () => {
    const page = await render();
    await page.click('Delete Sam');
    expect(page.dialog()?.querySelector('h2')?.textContent).toBe('Delete Sam?');
    expect(api.get(deleteProfile)).not.toHaveBeenCalled();
    await page.click('Cancel', page.dialog() as HTMLElement);
    expect(page.dialog()).toBeNull();
    expect(api.get(deleteProfile)).not.toHaveBeenCalled();
    await page.click('Delete Sam');
    await page.click('Delete profile', page.dialog() as HTMLElement);
    expect(api.get(deleteProfile)).toHaveBeenCalledWith({ id: 'prof_sam' });
    expect(page.names()).toEqual(['Ada']);
  });

  it('shows why a profile cannot be deleted (409: the one in use)', async () => {
    api.set(deleteProfile, jest.fn().mockRejectedValue(refusal(409, 'This profile is the one in use: switch to another profile to remove it')));
    const page = await render();
    await page.click('Delete Ada');
    await page.click('Delete profile', page.dialog() as HTMLElement);
    expect(page.dialog()?.querySelector('[role="alert"]')?.textContent).toBe('This profile is the one in use: switch to another profile to remove it');
    expect(page.names()).toEqual(['Ada', 'Sam']);
  });

  it('locks a profile with a 4-digit PIN confirmed by the account password', async () => {
    const page = await render();
    await page.click('Lock Ada');
    page.type('#lock-pin', '12a');
    page.type('#lock-password', 'the account password');
    await page.submit();
    expect(api.get(setProfilePin)).not.toHaveBeenCalled();
    expect(page.element.querySelector('#lock-pin-error')?.textContent).toBe('Enter 4 digits.');
    page.type('#lock-pin', '2468');
    profiles = profiles.map((candidate) => (candidate.id === 'prof_ada' ? { ...candidate, locked: true } : candidate));
    await page.submit();
    expect(api.get(setProfilePin)).toHaveBeenCalledWith({ id: 'prof_ada', body: { pin: '2468', password: 'the account password' } });
    expect(page.element.querySelector('[aria-label="Ada"]')?.textContent).toContain('Locked with a PIN');
    expect(page.element.querySelector('button[aria-label="Unlock Ada"]')).not.toBeNull();
  });

  it('says so when the password confirming a lock is wrong', async () => {
    api.set(setProfilePin, jest.fn().mockRejectedValue(refusal(401, 'Password is incorrect')));
    const page = await render();
    await page.click('Lock Ada');
    page.type('#lock-pin', '2468');
    page.type('#lock-password', 'not the password');
    await page.submit();
    expect(page.dialog()?.querySelector('[role="alert"]')?.textContent).toBe('Password is incorrect');
  });

  it('unlocks a locked profile with the account password', async () => {
    profiles = [ADA, { ...SAM, locked: true }];
    const page = await render();
    await page.click('Unlock Sam');
    page.type('#unlock-password', 'the account password');
    await page.submit();
    expect(api.get(removeProfilePin)).toHaveBeenCalledWith({ id: 'prof_sam', body: { password: 'the account password' } });
  });

  it('leaves the page when the profile in use is made a kids profile', async () => {
    const page = await render();
    await page.click('Edit Ada');
    page.check('input[formControlName="kids"]', true);
    await page.submit();
    expect(api.get(updateProfile)).toHaveBeenCalledWith({ id: 'prof_ada', body: expect.objectContaining({ kids: true, maturityCeiling: 'TV-Y7' }) });
    expect(page.navigateByUrl).toHaveBeenCalledWith('/');
  });
});
