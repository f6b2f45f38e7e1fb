import { PickType } from '@nestjs/swagger';
import { StartPlaybackDto } from './start-playback.dto';

export class PrepareStreamDto extends PickType(StartPlaybackDto, ['titleId', 'episodeId'] as const) {}
