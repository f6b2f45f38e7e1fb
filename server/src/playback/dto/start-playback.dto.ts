import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const TITLE_ID_PATTERN = /^tt\d{1,9}$/;

export class StartPlaybackDto {
  @ApiProperty({ example: 'tt1000', pattern: TITLE_ID_PATTERN.source })
  @Matches(TITLE_ID_PATTERN, { message: '$property must be a title id like tt1000' })
  @IsString()
  titleId: string;

  @ApiPropertyOptional({
    maxLength: 2048,
    description:
      'The hlsUrl POST /play/prepare gave for this title. Handed back as this session’s hlsUrl while it is still good for this login and title with at least half its lifetime left, so files fetched ahead are reused; otherwise ignored and a new link is signed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  preparedUrl?: string;
}
