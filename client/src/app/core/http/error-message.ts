import { HttpErrorResponse } from '@angular/common/http';

/** The sentence a viewer should read for a failed API call. */
export function errorMessage(error: unknown, fallback = 'Something went wrong. Please try again.'): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) return 'Can’t reach the service. Check your connection and try again.';
    const body = error.error as { message?: unknown } | null;
    if (body && typeof body.message === 'string' && body.message.trim()) {
      const message = body.message.trim();
      return message.charAt(0).toUpperCase() + message.slice(1);
    }
    if (error.status >= 500) return 'The service had a problem. Please try again in a moment.';
  }
  return fallback;
}
