import { AvatarField, FlagField, MaturityCeilingField, ProfileNameField } from './profile-fields';

export class UpdateProfileDto {
  @ProfileNameField({ optional: true })
  name?: string;

  @AvatarField()
  avatar?: string;

  @FlagField('A kids profile')
  kids?: boolean;

  @MaturityCeilingField()
  maturityCeiling?: string;

  @FlagField('Start the next episode by itself')
  autoplayNext?: boolean;
}
