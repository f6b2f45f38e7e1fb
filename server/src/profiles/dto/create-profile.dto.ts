import { AvatarField, FlagField, MaturityCeilingField, ProfileNameField } from './profile-fields';

export class CreateProfileDto {
  @ProfileNameField({ optional: false })
  name: string;

  @AvatarField()
  avatar?: string;

  @FlagField('A kids profile (default false)')
  kids?: boolean;

  @MaturityCeilingField()
  maturityCeiling?: string;

  @FlagField('Start the next episode by itself (default true)')
  autoplayNext?: boolean;
}
