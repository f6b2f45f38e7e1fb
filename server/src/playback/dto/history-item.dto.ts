import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';

export class HistoryItemDto {
  @ApiProperty({ type: TitleSummaryDto })
  title: TitleSummaryDto;

  @ApiProperty({ example: 35.2 })
  position: number;

  @ApiProperty({ example: 36 })
  duration: number;

  @ApiProperty({ description: 'Watched to 95 % or more' })
  completed: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
