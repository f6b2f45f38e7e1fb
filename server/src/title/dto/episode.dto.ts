import { ApiProperty } from '@nestjs/swagger';
import { EpisodeProgressDto } from './episode-progress.dto';

export class EpisodeDto {
  @ApiProperty({ example: 'tt1003-s1e4', pattern: '^tt\\d+-s\\d+e\\d+$', description: '`<titleId>-s<season>e<number>`' })
  id: string;

  @ApiProperty({ type: 'integer', example: 1 })
  season: number;

  @ApiProperty({ type: 'integer', example: 4 })
  number: number;

  @ApiProperty({ example: 'What the Pike Knew' })
  name: string;

  @ApiProperty()
  synopsis: string;

  @ApiProperty({ type: 'integer', example: 49 })
  runtimeMinutes: number;

  @ApiProperty({ type: EpisodeProgressDto, nullable: true, description: 'The calling profile’s progress in this episode; null when it never started it' })
  progress: EpisodeProgressDto | null;
}
