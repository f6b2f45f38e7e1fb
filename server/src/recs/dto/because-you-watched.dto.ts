import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';

export class BecauseYouWatchedDto {
  @ApiProperty({ type: TitleSummaryDto, description: 'The title the recommendations are about' })
  source: TitleSummaryDto;

  @ApiProperty({ type: [TitleSummaryDto], description: 'Watched together with the source by other viewers first, blended with titles like it' })
  items: TitleSummaryDto[];
}
