import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';

export class TitleListDto {
  @ApiProperty({ type: [TitleSummaryDto] })
  items: TitleSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page, and when the whole list was asked for' })
  cursor: string | null;
}
