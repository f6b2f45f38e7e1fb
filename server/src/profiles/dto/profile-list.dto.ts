import { ApiProperty } from '@nestjs/swagger';
import { ProfileDto } from './profile.dto';

export class ProfileListDto {
  @ApiProperty({ type: [ProfileDto], description: 'In the order they were added; the first is the one a token naming no profile speaks for' })
  items: ProfileDto[];
}
