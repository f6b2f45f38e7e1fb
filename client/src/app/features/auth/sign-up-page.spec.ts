import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthFlow } from '../../core/session/auth-flow';
import { SignUpPage } from './sign-up-page';

describe('SignUpPage', () => {
  let signUp: jest.Mock;
  let navigateByUrl: jest.SpyInstance;

  async function render(returnUrl?: string) {
    signUp = jest.fn().mockResolvedValue(undefined);
    TestBed.configureTestingModule({ imports: [SignUpPage], providers: [provideRouter([]), { provide: AuthFlow, useValue: { signUp } }] });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(SignUpPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
      fixture.detectChanges();
    };
    const fill = (name: string, email: string, password: string) => {
      type('#name', name);
      type('#email', email);
      type('#password', password);
    };
    const submit = async () => {
      element.querySelector('form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    };
    const error = (field: string) => element.querySelector(`#${field}-error`)?.textContent?.trim();
    return { fixture, element, type, fill, submit, error };
  }

  it('creates the account and goes where the viewer was going', async () => {
    const page = await render('/title/tt1000');
    page.fill('Ada', 'ada@example.com', 'long enough password');
    await page.submit();
    expect(signUp).toHaveBeenCalledWith('ada@example.com', 'long enough password', 'Ada');
    expect(navigateByUrl).toHaveBeenCalledWith('/title/tt1000');
  });

  it('never follows a return URL to another site after signing up', async () => {
    const page = await render('//evil.example/steal');
    page.fill('Ada', 'ada@example.com', 'long enough password');
    await page.submit();
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('explains each field’s problem as the viewer leaves it, before anything is sent', async () => {
    const page = await render();
    page.fill('   ', 'ada@', 'short');
    expect(page.error('name')).toBe('Name can’t be only spaces.');
    expect(page.error('email')).toBe('Enter an email address like name@example.com.');
    expect(page.error('password')).toBe('Use at least 8 characters.');
    expect(page.element.querySelector('#password')?.getAttribute('aria-invalid')).toBe('true');
    await page.submit();
    expect(signUp).not.toHaveBeenCalled();
  });

  it('counts the password in bytes as the server does: 37 accented letters are too long', async () => {
    const page = await render();
    page.fill('Zoë', 'zoe@example.com', 'é'.repeat(37));
    expect(page.error('password')).toMatch(/at most 72 bytes/);
    page.type('#password', 'é'.repeat(36));
    expect(page.error('password')).toBe('');
  });

  it('shows every missing field when the form is sent empty', async () => {
    const page = await render();
    await page.submit();
    expect([page.error('name'), page.error('email'), page.error('password')]).toEqual(['Enter your name.', 'Enter your email.', 'Enter your password.']);
    expect(signUp).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of a taken email and lets the viewer try again', async () => {
    const page = await render();
    signUp.mockRejectedValueOnce(new HttpErrorResponse({ status: 409, error: { statusCode: 409, error: 'Conflict', message: 'An account with this email already exists' } }));
    page.fill('Ada', 'ada@example.com', 'long enough password');
    await page.submit();
    expect(page.element.querySelector('[role="alert"]')?.textContent?.trim()).toBe('An account with this email already exists');
    expect(navigateByUrl).not.toHaveBeenCalled();
    const button = page.element.querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(button.disabled).toBe(false);

    page.type('#email', 'ada.l@example.com');
    await page.submit();
    expect(signUp).toHaveBeenLastCalledWith('ada.l@example.com', 'long enough password', 'Ada');
    expect(page.element.querySelector('[role="alert"]')).toBeNull();
  });

  it('sends once while the server is answering, and says it is working', async () => {
    const page = await render();
    signUp.mockReturnValue(new Promise(() => undefined));
    page.fill('Ada', 'ada@example.com', 'long enough password');
    await page.submit();
    await page.submit();
    expect(signUp).toHaveBeenCalledTimes(1);
    const button = page.element.querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.textContent?.trim()).toBe('Creating your account…');
  });
});
