import { PasswordField } from '../../common/validation/account-fields';

export class ChangePasswordDto {
  // The same 8-72-byte rule as every password: a longer one would be cut by bcrypt into a match.
  @PasswordField('The password in use now: 8 to 72 bytes of UTF-8')
  currentPassword: string;

  @PasswordField('The new password: 8 to 72 bytes of UTF-8')
  newPassword: string;
}
