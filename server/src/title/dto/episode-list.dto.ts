import { ApiProperty } from '@nestjs/swagger';
import { EpisodeDto } from './episode.dto';

export class EpisodeListDto {
  @ApiProperty({ type: [EpisodeDto], description: 'The season’s episodes in order' })
  items: EpisodeDto[];
}
