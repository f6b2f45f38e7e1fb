import { NameField } from '../../common/validation/account-fields';

export class UpdateAccountDto {
  @NameField()
  name: string;
}
