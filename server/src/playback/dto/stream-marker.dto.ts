import { ApiProperty } from '@nestjs/swagger';
import { MEDIA_MARKER_TYPES, MediaMarkerType } from '../../media/media-manifest';

/** A skippable stretch of the stream. */
export class StreamMarkerDto {
  @ApiProperty({ enum: MEDIA_MARKER_TYPES, enumName: 'StreamMarkerType', example: 'intro' })
  type: MediaMarkerType;

  @ApiProperty({ example: 5, minimum: 0, description: 'Seconds into the stream where it starts' })
  start: number;

  @ApiProperty({ example: 35, description: 'Seconds into the stream where it ends; after start, at most the stream’s length' })
  end: number;
}
