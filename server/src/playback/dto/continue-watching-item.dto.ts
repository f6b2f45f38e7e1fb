import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';

export class ContinueWatchingItemDto {
  @ApiProperty({ type: TitleSummaryDto })
  title: TitleSummaryDto;

  @ApiProperty({ example: 12.5 })
  position: number;

  @ApiProperty({ example: 36 })
  duration: number;

  @ApiProperty({ example: 0.35, minimum: 0, maximum: 1, description: 'position / duration' })
  progress: number;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
