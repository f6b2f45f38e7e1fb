import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';

export class TitleListDto {
  @ApiProperty({ type: [TitleSummaryDto] })
  items: TitleSummaryDto[];
}
