import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, Min } from 'class-validator';
import { StartPlaybackDto } from './start-playback.dto';

const FINITE = { allowNaN: false, allowInfinity: false };

/** What /play/start names the stream by; a prepared link is /play/start's alone. */
export class HeartbeatDto extends OmitType(StartPlaybackDto, ['preparedUrl'] as const) {
  @ApiProperty({ example: 12.5, minimum: 0, description: 'Seconds into the stream; at most its length plus a second' })
  @Min(0)
  @IsNumber(FINITE)
  position: number;

  @ApiPropertyOptional({ example: 36, description: 'The player’s idea of the length; progress is measured against the real one' })
  @IsOptional()
  @IsPositive()
  @IsNumber(FINITE)
  duration?: number;
}
