import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from './session.store';

/** Signed-out visitors go to sign-in, and come back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) =>
  inject(SessionStore).isSignedIn() || inject(Router).createUrlTree(['/signin'], { queryParams: { returnUrl: state.url } });

/** Pages of a profile: signed in, and a profile chosen (else the picker asks, and comes back here). */
export const authGuard: CanActivateFn = (route, state) => {
  const session = inject(SessionStore);
  if (!session.isSignedIn() || session.profile()) return signedInGuard(route, state);
  return inject(Router).createUrlTree(['/profiles'], { queryParams: { returnUrl: state.url } });
};

/** Managing profiles and the account is not for a kids profile. */
export const notForKidsGuard: CanActivateFn = () => !inject(SessionStore).profile()?.kids || inject(Router).createUrlTree(['/']);

/** Signed-in viewers have no business on the sign-in pages. */
export const guestGuard: CanActivateFn = () => !inject(SessionStore).isSignedIn() || inject(Router).createUrlTree(['/']);
