import { ApiProperty } from '@nestjs/swagger';
import { RecRowDto } from './rec-row.dto';

export class HomePageDto {
  @ApiProperty({
    type: [RecRowDto],
    description:
      'In order: Continue Watching and My List when non-empty, Trending Now, Because you watched (when there is history), Top picks for you, then genre rows',
  })
  rows: RecRowDto[];
}
