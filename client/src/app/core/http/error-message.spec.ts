import { HttpErrorResponse } from '@angular/common/http';
import { errorMessage } from './error-message';

describe('errorMessage', () => {
  it('uses the API’s own message, capitalised', () => {
    const error = new HttpErrorResponse({ status: 409, error: { statusCode: 409, error: 'Conflict', message: 'an account with this email already exists' } });
    expect(errorMessage(error)).toBe('An account with this email already exists');
  });

  it('explains a network failure', () => {
    expect(errorMessage(new HttpErrorResponse({ status: 0 }))).toMatch(/reach the service/);
  });

  it('falls back to the caller’s sentence', () => {
    expect(errorMessage(new Error('x'), 'My List could not be loaded.')).toBe('My List could not be loaded.');
    expect(errorMessage(new HttpErrorResponse({ status: 502, error: '<html>' }))).toMatch(/had a problem/);
  });
});
