import { PickType } from '@nestjs/swagger';
import { PlaybackSessionDto } from './playback-session.dto';

/** A stream link fetched ahead of Play: the same URL /play/start hands back when given it. */
export class PreparedStreamDto extends PickType(PlaybackSessionDto, ['hlsUrl', 'expiresAt'] as const) {}
