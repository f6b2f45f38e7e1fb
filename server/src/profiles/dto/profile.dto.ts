import { ApiProperty } from '@nestjs/swagger';
import { MATURITY_RATINGS } from '../../catalog/maturity';
import { AVATAR_KEYS } from '../avatars';

export class ProfileDto {
  @ApiProperty({ example: 'prof_3kT9x0aQ1bYc2dEf' })
  id: string;

  @ApiProperty({ example: 'Ada', minLength: 1, maxLength: 50 })
  name: string;

  @ApiProperty({ enum: AVATAR_KEYS, enumName: 'AvatarKey', example: 'ember' })
  avatar: string;

  @ApiProperty({ format: 'uri', example: 'http://localhost:5000/avatars/ember.svg', description: 'The avatar as an image this API serves' })
  avatarUrl: string;

  @ApiProperty({ description: 'A kids profile: ceiling at most TV-Y7/PG, and it cannot manage profiles or the account' })
  kids: boolean;

  @ApiProperty({ enum: MATURITY_RATINGS, enumName: 'MaturityRating', example: 'PG-13', description: 'Nothing rated above this on the film-and-TV scale is shown' })
  maturityCeiling: string;

  @ApiProperty({ description: 'Whether choosing this profile asks for its 4-digit PIN' })
  locked: boolean;

  @ApiProperty({ description: 'Whether the next episode starts by itself' })
  autoplayNext: boolean;
}
