import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { AuthFlow } from '../../core/session/auth-flow';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  let signIn: jest.Mock;
  let navigateByUrl: jest.SpyInstance;

  async function render(returnUrl?: string) {
    signIn = jest.fn();
    TestBed.configureTestingModule({ imports: [SignInPage], providers: [provideRouter([]), { provide: AuthFlow, useValue: { signIn } }] });
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(SignInPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const type = (selector: string, value: string) => {
      const input = element.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    };
    const submit = async () => {
      element.querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    };
    return { fixture, element, type, submit };
  }

  it('signs in and goes back where the viewer was going', async () => {
    const page = await render('/title/tt1000');
    page.type('#email', 'ada@example.com');
    page.type('#password', 'long enough password');
    signIn.mockResolvedValue(undefined);
    await page.submit();
    expect(signIn).toHaveBeenCalledWith('ada@example.com', 'long enough password');
    expect(navigateByUrl).toHaveBeenCalledWith('/title/tt1000');
  });

  it('never follows a return URL to another site', async () => {
    const page = await render('https://evil.example/');
    page.type('#email', 'ada@example.com');
    page.type('#password', 'long enough password');
    signIn.mockResolvedValue(undefined);
    await page.submit();
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('shows the server’s refusal and stays on the page', async () => {
    const page = await render();
    page.type('#email', 'ada@example.com');
    page.type('#password', 'wrong password');
    signIn.mockRejectedValue(new HttpErrorResponse({ status: 401, error: { statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' } }));
    await page.submit();
    expect(page.element.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Invalid email or password');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('checks the fields before calling the server', async () => {
    const page = await render();
    page.type('#email', 'not an email');
    await page.submit();
    expect(signIn).not.toHaveBeenCalled();
    expect(page.element.querySelector('#email-error')?.textContent).toMatch(/email address/);
    expect(page.element.querySelector('#password-error')?.textContent).toMatch(/Enter your password/);
  });
});
