import { ApiProperty } from '@nestjs/swagger';
import { NextEpisodeDto } from './next-episode.dto';
import { StreamMarkerDto } from './stream-marker.dto';

export class PlaybackSessionDto {
  @ApiProperty({
    format: 'uri',
    example: 'http://localhost:5000/stream/tt1000.dXNlcl94.c2Vzc2lvbg.1795530000.c2ln/master.m3u8',
    description: 'Absolute URL of the HLS master playlist; the signature in its path covers every file the playlist reaches',
  })
  hlsUrl: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'When hlsUrl stops working; ask again after' })
  expiresAt: string;

  @ApiProperty({ example: 12.5, description: 'Seconds to start from: where this viewer stopped, or 0' })
  resumePosition: number;

  @ApiProperty({ example: 36, description: 'The stream’s real length in seconds' })
  duration: number;

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uri',
    example: 'http://localhost:5000/stream/tt1000.dXNlcl94.c2Vzc2lvbg.1795530000.c2ln/thumbs/thumbnails.vtt',
    description:
      'Absolute URL of the trickplay index: a WebVTT file whose cues (`sprite_000.jpg#xywh=x,y,w,h`) point into sprite images under the same signed path; null when the stream has no thumbnails',
  })
  thumbnails: string | null;

  @ApiProperty({
    type: [StreamMarkerDto],
    description: 'Intro, recap and credits of this stream, sorted by start and not overlapping; empty when it has none',
  })
  markers: StreamMarkerDto[];

  @ApiProperty({
    type: NextEpisodeDto,
    nullable: true,
    description: 'For an episode, the one after it (next in the season, else the first of the next season); null after the last episode and for a film',
  })
  next: NextEpisodeDto | null;
}
