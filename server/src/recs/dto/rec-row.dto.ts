import { ApiProperty } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';

export class RecRowDto {
  @ApiProperty({
    example: 'because-tt1003',
    description: 'Stable id of the row kind: continue-watching, my-list, trending, because-<titleId>, top-picks, genre-<genre>',
  })
  id: string;

  @ApiProperty({ example: 'Because you watched Static Over Vellmoor', description: 'What the row is and why it is shown' })
  title: string;

  @ApiProperty({ type: [TitleSummaryDto], description: 'At most 20 titles, never empty' })
  items: TitleSummaryDto[];
}
