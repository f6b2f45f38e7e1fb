import { ApiProperty } from '@nestjs/swagger';
import { AVATAR_KEYS } from '../avatars';

export class AvatarDto {
  @ApiProperty({ enum: AVATAR_KEYS, enumName: 'AvatarKey' })
  key: string;

  @ApiProperty({ format: 'uri' })
  url: string;
}

export class AvatarListDto {
  @ApiProperty({ type: [AvatarDto] })
  items: AvatarDto[];
}
