import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';
import { EpisodeRefDto } from '../../series/dto/episode-ref.dto';

export class ContinueWatchingItemDto {
  @ApiProperty({ type: TitleSummaryDto })
  title: TitleSummaryDto;

  @ApiProperty({
    type: EpisodeRefDto,
    nullable: true,
    description: 'For a series, the episode to carry on with: the one in progress, or the next one once an episode is finished (position, duration and progress are that episode’s); null for a film',
  })
  episode: EpisodeRefDto | null;

  @ApiProperty({ example: 12.5 })
  position: number;

  @ApiProperty({ example: 36 })
  duration: number;

  @ApiProperty({ example: 0.35, minimum: 0, maximum: 1, description: 'position / duration' })
  progress: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
