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

/**
 * A 401 about the access token (expired, or its login ended) comes with a Bearer challenge; one
 * without (a wrong password confirming a change) is an answer, and retrying it would guess again.
 */
function isAccessTokenRefused(error: unknown): error is HttpErrorResponse {
  return error instanceof HttpErrorResponse && error.status === 401 && /^Bearer\b/i.test(error.headers.get('WWW-Authenticate') ?? '');
}

/** Adds the bearer token; on a 401 about it refreshes once (shared by every request and tab waiting) and retries. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (AUTH_PATH.test(new URL(request.url, 'http://x').pathname)) return next(request);
  const session = inject(SessionStore);
  const refresher = inject(TokenRefresher);
  const token = session.accessToken();
  return next(withBearer(request, token)).pipe(
    catchError((error: unknown) => {
      if (!isAccessTokenRefused(error) || !session.refreshToken()) {
        return throwError(() => error);
      }
      return from(refresher.freshAccessToken(token)).pipe(
        catchError(() => throwError(() => error)),
        switchMap((fresh) => next(withBearer(request, fresh))),
      );
    }),
  );
};
