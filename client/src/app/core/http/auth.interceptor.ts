import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { SessionStore } from '../session/session.store';
import { TokenRefresher } from '../session/token-refresher';

// Sign-up, sign-in, refresh and sign-out carry no bearer token, and their 401s are answers, not expiry.
const AUTH_PATH = /\/auth\/[^/]+$/;

function withBearer(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/** Adds the bearer token; on a 401 refreshes once (shared by every request waiting) and retries. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (AUTH_PATH.test(new URL(request.url, 'http://x').pathname)) return next(request);
  const session = inject(SessionStore);
  const refresher = inject(TokenRefresher);
  const token = session.accessToken();
  return next(withBearer(request, token)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !session.refreshToken()) {
        return throwError(() => error);
      }
      return from(refresher.freshAccessToken(token)).pipe(
        catchError(() => throwError(() => error)),
        switchMap((fresh) => next(withBearer(request, fresh))),
      );
    }),
  );
};
