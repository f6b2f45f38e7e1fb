import { PinField } from './profile-fields';

export class SelectProfileDto {
  @PinField({ optional: true })
  pin?: string;
}
