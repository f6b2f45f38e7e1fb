import { AbstractControl } from '@angular/forms';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from './password-bytes.validator';

/** The first problem with a field, in words; null while it is fine or untouched. */
export function fieldError(control: AbstractControl, label: string): string | null {
  if (!control.errors || !(control.dirty || control.touched)) return null;
  if (control.errors['required']) return `Enter your ${label.toLowerCase()}.`;
  if (control.errors['email']) return 'Enter an email address like name@example.com.';
  if (control.errors['maxlength']) return `${label} is too long (at most ${control.errors['maxlength'].requiredLength} characters).`;
  if (control.errors['passwordTooShort']) return `Use at least ${PASSWORD_MIN_BYTES} characters.`;
  if (control.errors['passwordTooLong']) return `That is too long: at most ${PASSWORD_MAX_BYTES} bytes (fewer with accented letters or emoji).`;
  if (control.errors['blank']) return `${label} can’t be only spaces.`;
  return `Check your ${label.toLowerCase()}.`;
}
