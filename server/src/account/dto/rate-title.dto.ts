import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { Rating } from '../rating';

export class RateTitleDto {
  @ApiProperty({ enum: Rating, enumName: 'Rating' })
  @IsEnum(Rating, { message: '$property must be one of: down, up, love' })
  rating: Rating;
}
