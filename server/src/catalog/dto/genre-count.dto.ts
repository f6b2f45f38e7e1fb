import { ApiProperty } from '@nestjs/swagger';

export class GenreCountDto {
  @ApiProperty({ example: 'Drama' })
  name: string;

  @ApiProperty({ type: 'integer', example: 33 })
  count: number;
}
