import { ApiProperty } from '@nestjs/swagger';

export class TitleSummaryDto {
  @ApiProperty({ example: 'tt1000', pattern: '^tt\\d+$' })
  id: string;

  @ApiProperty({ example: 'The Cartographer of Drowned Streets' })
  name: string;

  @ApiProperty({ format: 'uri', example: 'http://localhost:5000/images/tt1000/poster.svg?v=1', description: '2:3 poster served by this API' })
  posterUrl: string;

  @ApiProperty({ type: 'integer', example: 2008 })
  year: number;

  @ApiProperty({ type: [String], example: ['Drama', 'Fantasy'] })
  genres: string[];
}
