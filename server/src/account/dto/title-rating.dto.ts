import { ApiProperty } from '@nestjs/swagger';
import { Rating } from '../rating';

export class TitleRatingDto {
  @ApiProperty({ example: 'tt1000' })
  titleId: string;

  @ApiProperty({ enum: Rating, enumName: 'Rating' })
  rating: Rating;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
