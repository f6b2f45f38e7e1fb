import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EPISODE_ID_PATTERN } from '../../series/episode';

export const TITLE_ID_PATTERN = /^tt\d{1,9}$/;

export class StartPlaybackDto {
  @ApiProperty({ example: 'tt1000', pattern: TITLE_ID_PATTERN.source })
  @Matches(TITLE_ID_PATTERN, { message: '$property must be a title id like tt1000' })
  @IsString()
  titleId: string;

  @ApiPropertyOptional({
    example: 'tt1003-s1e4',
    pattern: EPISODE_ID_PATTERN.source,
    description: 'Which episode, `<titleId>-s<season>e<number>`: required for a series, refused for a film',
  })
  @IsOptional()
  @Matches(EPISODE_ID_PATTERN, { message: '$property must be an episode id like tt1003-s1e4' })
  @IsString()
  episodeId?: string;

  @ApiPropertyOptional({
    maxLength: 2048,
    description:
      'The hlsUrl POST /play/prepare gave for this title (and episode). Handed back as this session’s hlsUrl while it is still good for this login and stream with at least half its lifetime left, so files fetched ahead are reused; otherwise ignored and a new link is signed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  preparedUrl?: string;
}
