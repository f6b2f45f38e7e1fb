import { ApiProperty } from '@nestjs/swagger';
import { HistoryItemDto } from './history-item.dto';

export class HistoryDto {
  @ApiProperty({ type: [HistoryItemDto] })
  items: HistoryItemDto[];
}
