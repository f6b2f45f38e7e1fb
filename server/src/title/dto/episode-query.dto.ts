import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class EpisodeQueryDto {
  // Required, but checked by the service, so that a missing season is answered naming the seasons there are.
  @ApiProperty({ required: true, type: 'integer', minimum: 1, maximum: 99, example: 1, description: 'Which season; one of the title’s `seasons`' })
  @IsOptional()
  @Max(99)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  season?: number;
}
