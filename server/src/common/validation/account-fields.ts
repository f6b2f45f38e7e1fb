import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsByteLength, IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const PASSWORD_MIN_BYTES = 8;
// bcrypt reads only the first 72 bytes; longer passwords are refused rather than silently cut.
export const PASSWORD_MAX_BYTES = 72;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normalisedEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** An email address, trimmed and lower-cased before it is checked. */
export function EmailField() {
  return applyDecorators(
    ApiProperty({ example: 'viewer@example.com', maxLength: EMAIL_MAX_LENGTH, format: 'email' }),
    Transform(normalisedEmail),
    IsString(),
    MaxLength(EMAIL_MAX_LENGTH),
    IsEmail({}, { message: '$property must be an email address' }),
  );
}

/** A password of 8 to 72 bytes of UTF-8. */
export function PasswordField(description = 'Password: 8 to 72 bytes of UTF-8') {
  return applyDecorators(
    ApiProperty({ example: 'correct horse battery', minLength: PASSWORD_MIN_BYTES, maxLength: PASSWORD_MAX_BYTES, description }),
    IsString(),
    IsByteLength(PASSWORD_MIN_BYTES, PASSWORD_MAX_BYTES, {
      message: `$property must be ${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes of UTF-8`,
    }),
  );
}

/** A display name, 1 to 100 characters after trimming. */
export function NameField() {
  return applyDecorators(
    ApiProperty({ example: 'Ada Viewer', minLength: 1, maxLength: NAME_MAX_LENGTH }),
    Transform(trimmed),
    IsString(),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(NAME_MAX_LENGTH),
  );
}
