import { ApiProperty } from '@nestjs/swagger';
import { TitleRatingDto } from './title-rating.dto';

export class RatingListDto {
  @ApiProperty({ type: [TitleRatingDto] })
  items: TitleRatingDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page, and when the whole list was asked for' })
  cursor: string | null;
}
