import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { HeartbeatDto } from './dto/heartbeat.dto';
import { PlaybackSessionDto } from './dto/playback-session.dto';
import { StartPlaybackDto } from './dto/start-playback.dto';
import { PlaybackService } from './playback.service';

@ApiTags('playback')
@ApiBearerAuth()
@Controller('play')
export class PlaybackController {
  constructor(private readonly playback: PlaybackService) {}

  @Post('start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'startPlayback',
    summary: 'A signed, short-lived HLS URL for a film or an episode, where to resume, its markers and the next episode',
    description: 'A series needs `episodeId` (400 without; 404 when the episode is not one of the title’s); a film refuses one (400).',
  })
  @ApiOkResponse({ type: PlaybackSessionDto })
  @ApiErrors(400, 401, 403, 404, 413)
  startPlayback(@CurrentUser() viewer: AuthenticatedUser, @Body() body: StartPlaybackDto): Promise<PlaybackSessionDto> {
    return this.playback.start(viewer, body);
  }

  @Post('heartbeat')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    operationId: 'sendHeartbeat',
    summary: 'Record the playback position',
    description:
      'Sent every 10 s while playing and on pause, seek and leaving. At 95 % of the length the title (or the episode) counts as watched. An episode of a series needs `episodeId`, by the same rules as /play/start.',
  })
  @ApiNoContentResponse({ description: 'Position recorded' })
  @ApiErrors(400, 401, 403, 404, 413)
  sendHeartbeat(@CurrentUser() viewer: AuthenticatedUser, @Body() body: HeartbeatDto): Promise<void> {
    return this.playback.heartbeat(viewer, body);
  }
}
