import { HttpContextToken, HttpInterceptorFn } from '@angular/common/http';

/** Marks a request that must finish even when the page is being closed (the last heartbeat). */
export const KEEPALIVE = new HttpContextToken<boolean>(() => false);

export const keepaliveInterceptor: HttpInterceptorFn = (request, next) =>
  next(request.context.get(KEEPALIVE) ? request.clone({ keepalive: true }) : request);
