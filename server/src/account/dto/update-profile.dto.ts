import { NameField } from '../../common/validation/account-fields';

export class UpdateProfileDto {
  @NameField()
  name: string;
}
