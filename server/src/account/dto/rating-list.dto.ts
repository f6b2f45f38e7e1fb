import { ApiProperty } from '@nestjs/swagger';
import { TitleRatingDto } from './title-rating.dto';

export class RatingListDto {
  @ApiProperty({ type: [TitleRatingDto] })
  items: TitleRatingDto[];
}
