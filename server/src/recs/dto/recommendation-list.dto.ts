import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';

export class RecommendationListDto {
  @ApiProperty({ type: [TitleSummaryDto] })
  items: TitleSummaryDto[];
}
