import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export const TITLE_ID_PATTERN = /^tt\d{1,9}$/;

export class StartPlaybackDto {
  @ApiProperty({ example: 'tt1000', pattern: TITLE_ID_PATTERN.source })
  @Matches(TITLE_ID_PATTERN, { message: '$property must be a title id like tt1000' })
  @IsString()
  titleId: string;
}
