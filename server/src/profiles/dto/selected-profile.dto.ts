import { ApiProperty } from '@nestjs/swagger';
import { ProfileDto } from './profile.dto';

export class SelectedProfileDto {
  @ApiProperty({ description: 'An access token that speaks for this profile; refreshing the login keeps the profile' })
  jwt: string;

  @ApiProperty({ type: ProfileDto })
  profile: ProfileDto;
}
