import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';
import { EpisodeRefDto } from '../../series/dto/episode-ref.dto';

export class HistoryItemDto {
  @ApiProperty({ type: TitleSummaryDto })
  title: TitleSummaryDto;

  @ApiProperty({
    type: EpisodeRefDto,
    nullable: true,
    description: 'For a series, the episode watched last (position and duration are that episode’s; completed means the last episode was finished); null for a film',
  })
  episode: EpisodeRefDto | null;

  @ApiProperty({ example: 35.2 })
  position: number;

  @ApiProperty({ example: 36 })
  duration: number;

  @ApiProperty({ description: 'Watched to 95 % or more; for a series, its last episode was' })
  completed: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
