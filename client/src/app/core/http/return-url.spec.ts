import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps paths of this app', () => {
    expect(safeReturnUrl('/title/tt1000')).toBe('/title/tt1000');
    expect(safeReturnUrl('/search?q=cafe')).toBe('/search?q=cafe');
  });

  it.each([[null], [undefined], [''], ['https://evil.example'], ['//evil.example/x'], ['/\\evil.example'], ['javascript:alert(1)']])('sends %p home instead', (candidate) => {
    expect(safeReturnUrl(candidate)).toBe('/');
  });
});
