import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from './title-summary.dto';

export class CatalogPageDto {
  @ApiProperty({ type: [TitleSummaryDto] })
  items: TitleSummaryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  cursor: string | null;
}
