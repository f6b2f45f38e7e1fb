import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from './session.store';

/** Signed-out visitors go to sign-in, and come back here afterwards. */
export const authGuard: CanActivateFn = (_route, state) =>
  inject(SessionStore).isSignedIn() || inject(Router).createUrlTree(['/signin'], { queryParams: { returnUrl: state.url } });

/** Signed-in viewers have no business on the sign-in pages. */
export const guestGuard: CanActivateFn = () => !inject(SessionStore).isSignedIn() || inject(Router).createUrlTree(['/']);
