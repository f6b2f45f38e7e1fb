import { ApiProperty } from '@nestjs/swagger';

/** Which episode of a series an item is about, enough to label it "S1:E4" and play it. */
export class EpisodeRefDto {
  @ApiProperty({ example: 'tt1003-s1e4', pattern: '^tt\\d+-s\\d+e\\d+$', description: '`<titleId>-s<season>e<number>`' })
  id: string;

  @ApiProperty({ type: 'integer', example: 1 })
  season: number;

  @ApiProperty({ type: 'integer', example: 4 })
  number: number;

  @ApiProperty({ example: 'What the Pike Knew' })
  name: string;
}
