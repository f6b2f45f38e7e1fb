import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

export const PASSWORD_MIN_BYTES = 8;
export const PASSWORD_MAX_BYTES = 72;

/** The server counts password length in UTF-8 bytes (bcrypt's limit), so the form does too. */
export const passwordBytes: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const bytes = new TextEncoder().encode(control.value ?? '').length;
  if (bytes === 0) return null;
  if (bytes < PASSWORD_MIN_BYTES) return { passwordTooShort: { bytes } };
  if (bytes > PASSWORD_MAX_BYTES) return { passwordTooLong: { bytes } };
  return null;
};
