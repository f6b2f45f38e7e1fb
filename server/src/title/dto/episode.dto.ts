import { ApiProperty } from '@nestjs/swagger';
import { EpisodeRefDto } from '../../series/dto/episode-ref.dto';
import { EpisodeProgressDto } from './episode-progress.dto';

export class EpisodeDto extends EpisodeRefDto {
  @ApiProperty()
  synopsis: string;

  @ApiProperty({ type: 'integer', example: 49 })
  runtimeMinutes: number;

  @ApiProperty({ type: EpisodeProgressDto, nullable: true, description: 'The calling profile’s progress in this episode; null when it never started it' })
  progress: EpisodeProgressDto | null;
}
