import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { ProfileDto } from '@streaming/api';
import { ProfileSwitcher } from '../../core/profiles/profile-switcher';
import { SessionStore } from '../../core/session/session.store';
import { ProfilePickerPage } from './profile-picker-page';

function profile(id: string, name: string, changes: Partial<ProfileDto> = {}): ProfileDto {
  return { id, name, avatar: 'ember', avatarUrl: `http://api/avatars/${id}.svg`, kids: false, maturityCeiling: 'NC-17', locked: false, autoplayNext: true, ...changes };
}

const ADA = profile('prof_ada', 'Ada');
const SAM = profile('prof_sam', 'Sam', { kids: true, maturityCeiling: 'TV-Y7' });
const VAULT = profile('prof_vault', 'Vault', { locked: true });
const refusal = (status: number, message: string, headers?: Record<string, string>) =>
  new HttpErrorResponse({ status, headers: new HttpHeaders(headers), error: { statusCode: status, error: 'Refused', message } });

async function flush(fixture: ComponentFixture<unknown>): Promise<void> {
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  fixture.detectChanges();
}

describe('ProfilePickerPage', () => {
  let switcher: { list: jest.Mock; choose: jest.Mock };
  let current: ReturnType<typeof signal<ProfileDto | null>>;
  let navigateByUrl: jest.SpyInstance;

  async function render(returnUrl?: string) {
    TestBed.configureTestingModule({
      imports: [ProfilePickerPage],
      providers: [provideRouter([]), { provide: ProfileSwitcher, useValue: switcher }, { provide: SessionStore, useValue: { profile: current } }],
    });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ProfilePickerPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await flush(fixture);
    const element = fixture.nativeElement as HTMLElement;
    const button = (name: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(name)) as HTMLButtonElement;
    const click = async (name: string) => {
      button(name).click();
      await flush(fixture);
    };
    const enterPin = async (pin: string) => {
      const input = element.querySelector<HTMLInputElement>('#pin') as HTMLInputElement;
      input.value = pin;
      input.dispatchEvent(new Event('input'));
      element.querySelector('form')?.dispatchEvent(new Event('submit'));
      await flush(fixture);
    };
    const pinError = () => element.querySelector('#pin-error')?.textContent?.trim();
    return { element, button, click, enterPin, pinError };
  }

  beforeEach(() => {
    switcher = { list: jest.fn().mockResolvedValue([ADA, SAM, VAULT]), choose: jest.fn((chosen: ProfileDto) => Promise.resolve(chosen)) };
    current = signal<ProfileDto | null>(null);
  });

  it('asks who is watching, showing each profile with its name, kids and lock marks', async () => {
    const page = await render();
    expect(page.element.querySelector('h1')?.textContent).toBe('Who’s watching?');
    const names = [...page.element.querySelectorAll('.profile .name')].map((name) => name.textContent);
    expect(names).toEqual(['Ada', 'Sam', 'Vault']);
    expect(page.button('Sam').textContent).toContain('Kids');
    expect(page.button('Vault').textContent).toContain('Locked');
    expect(page.button('Ada').querySelector('img')?.getAttribute('src')).toBe(ADA.avatarUrl);
  });

  it('chooses an unlocked profile at once and goes where the viewer was going', async () => {
    const page = await render('/title/tt1000');
    await page.click('Sam');
    expect(switcher.choose).toHaveBeenCalledWith(SAM, undefined);
    expect(navigateByUrl).toHaveBeenCalledWith('/title/tt1000');
  });

  it('goes home when there is nowhere else to go, never to another site', async () => {
    const page = await render('https://evil.example/');
    await page.click('Ada');
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('asks for the PIN of a locked profile and sends it', async () => {
    const page = await render();
    await page.click('Vault');
    expect(switcher.choose).not.toHaveBeenCalled();
    expect(page.element.querySelector('h1')?.textContent).toBe('Enter the PIN for Vault');
    await page.enterPin('2468');
    expect(switcher.choose).toHaveBeenCalledWith(VAULT, '2468');
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('checks the PIN is 4 digits before sending it', async () => {
    const page = await render();
    await page.click('Vault');
    await page.enterPin('12a');
    expect(switcher.choose).not.toHaveBeenCalled();
    expect(page.pinError()).toBe('Enter the 4 digits of the PIN.');
  });

  it('says a wrong PIN (403) is wrong, and lets the viewer try again', async () => {
    switcher.choose.mockRejectedValueOnce(refusal(403, 'That is not the PIN of profile Vault'));
    const page = await render();
    await page.click('Vault');
    await page.enterPin('1111');
    expect(page.pinError()).toBe('That PIN is not right. Try again.');
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(page.element.querySelector<HTMLInputElement>('#pin')?.value).toBe('');
    await page.enterPin('2468');
    expect(switcher.choose).toHaveBeenLastCalledWith(VAULT, '2468');
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('says, in words, how long to wait after too many wrong PINs (429)', async () => {
    switcher.choose.mockRejectedValueOnce(refusal(429, 'Too many wrong PINs for this profile', { 'Retry-After': '840' }));
    const page = await render();
    await page.click('Vault');
    await page.enterPin('2468');
    expect(page.pinError()).toBe('Too many wrong PINs. Try again in 14 minutes.');
  });

  it('goes back to the profiles from the PIN', async () => {
    const page = await render();
    await page.click('Vault');
    await page.click('Back to profiles');
    expect(page.element.querySelector('h1')?.textContent).toBe('Who’s watching?');
  });

  it('asks no PIN again for the locked profile this login already chose', async () => {
    current.set(VAULT);
    const page = await render();
    await page.click('Vault');
    expect(switcher.choose).toHaveBeenCalledWith(VAULT, undefined);
  });

  it('offers to manage profiles only to a grown-up’s profile already chosen', async () => {
    let page = await render();
    expect(page.element.querySelector('a.manage')).toBeNull();
    TestBed.resetTestingModule();
    current.set(SAM);
    page = await render();
    expect(page.element.querySelector('a.manage')).toBeNull();
    TestBed.resetTestingModule();
    current.set(ADA);
    page = await render();
    expect(page.element.querySelector('a.manage')?.getAttribute('href')).toBe('/profiles/manage');
  });

  it('shows why the profiles could not be loaded, and tries again', async () => {
    switcher.list.mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }));
    const page = await render();
    expect(page.element.querySelector('[role="alert"]')?.textContent).toContain('Can’t reach the service');
    await page.click('Try again');
    expect(page.element.querySelectorAll('.profile')).toHaveLength(3);
  });
});
