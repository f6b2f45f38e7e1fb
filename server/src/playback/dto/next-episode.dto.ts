import { ApiProperty } from '@nestjs/swagger';

/** What to offer when an episode ends: start it with POST /play/start. */
export class NextEpisodeDto {
  @ApiProperty({ example: 'tt1003' })
  titleId: string;

  @ApiProperty({ example: 'tt1003-s1e5' })
  episodeId: string;
}
