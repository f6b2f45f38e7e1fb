import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { retryAfterInWords } from './retry-after';

function throttled(retryAfter?: string): HttpErrorResponse {
  return new HttpErrorResponse({ status: 429, headers: retryAfter === undefined ? new HttpHeaders() : new HttpHeaders({ 'Retry-After': retryAfter }) });
}

describe('retryAfterInWords', () => {
  it.each([
    ['1', 'in a second'],
    ['40', 'in 40 seconds'],
    ['60', 'in a minute'],
    ['61', 'in 2 minutes'],
    ['900', 'in 15 minutes'],
    ['3600', 'in an hour'],
    ['7200', 'in 2 hours'],
  ])('says Retry-After: %s as "%s"', (header, words) => {
    expect(retryAfterInWords(throttled(header))).toBe(words);
  });

  it('says "in a little while" when the header is missing or not a number of seconds', () => {
    expect(retryAfterInWords(throttled())).toBe('in a little while');
    expect(retryAfterInWords(throttled('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe('in a little while');
  });
});
