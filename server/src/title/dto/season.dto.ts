import { ApiProperty } from '@nestjs/swagger';

export class SeasonDto {
  @ApiProperty({ type: 'integer', example: 1, minimum: 1 })
  number: number;

  @ApiProperty({ type: 'integer', example: 5, minimum: 1 })
  episodeCount: number;
}
