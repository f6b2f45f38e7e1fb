import { AbstractControl, ValidationErrors } from '@angular/forms';

export function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value ?? '';
  return value.length > 0 && value.trim() === '' ? { blank: true } : null;
}
