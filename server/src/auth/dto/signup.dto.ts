import { EmailField, NameField, PasswordField } from '../../common/validation/account-fields';

export class SignupDto {
  @EmailField()
  email: string;

  @PasswordField()
  password: string;

  @NameField()
  name: string;
}
