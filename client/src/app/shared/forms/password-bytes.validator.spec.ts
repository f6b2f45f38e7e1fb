import { FormControl } from '@angular/forms';
import { passwordBytes } from './password-bytes.validator';

describe('passwordBytes', () => {
  const check = (value: string) => passwordBytes(new FormControl(value, { nonNullable: true }));

  it('counts UTF-8 bytes like the server', () => {
    expect(check('éééé')).toBeNull();
    expect(check('abc')).toEqual({ passwordTooShort: { bytes: 3 } });
    expect(check('é'.repeat(36))).toBeNull();
    expect(check(`${'é'.repeat(36)}x`)).toEqual({ passwordTooLong: { bytes: 73 } });
  });

  it('leaves an empty field to the required validator', () => {
    expect(check('')).toBeNull();
  });
});
