import { PasswordField } from '../../common/validation/account-fields';
import { PinField } from './profile-fields';

export class SetPinDto {
  @PinField({ optional: false })
  pin: string;

  @PasswordField('The account password, to confirm it is the owner who locks the profile')
  password: string;
}
