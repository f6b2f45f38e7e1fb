import { ApiProperty } from '@nestjs/swagger';

/** How far the calling profile got in one episode. */
export class EpisodeProgressDto {
  @ApiProperty({ example: 12.5, description: 'Seconds into the episode’s stream' })
  position: number;

  @ApiProperty({ example: 36, description: 'The stream’s real length in seconds' })
  duration: number;

  @ApiProperty({ description: 'Watched to 95 % or more' })
  completed: boolean;
}
