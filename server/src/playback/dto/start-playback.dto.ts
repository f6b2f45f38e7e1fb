import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
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
}
