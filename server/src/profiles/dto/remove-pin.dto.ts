import { PasswordField } from '../../common/validation/account-fields';

export class RemovePinDto {
  @PasswordField('The account password, to confirm it is the owner who unlocks the profile')
  password: string;
}
