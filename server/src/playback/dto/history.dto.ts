import { ApiProperty } from '@nestjs/swagger';
import { HistoryItemDto } from './history-item.dto';

export class HistoryDto {
  @ApiProperty({ type: [HistoryItemDto] })
  items: HistoryItemDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page, and when the whole list was asked for' })
  cursor: string | null;
}
