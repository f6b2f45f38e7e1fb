import { ApiProperty } from '@nestjs/swagger';
import { GenreCountDto } from './genre-count.dto';

export class GenreListDto {
  @ApiProperty({ type: [GenreCountDto] })
  items: GenreCountDto[];
}
