import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, Min } from 'class-validator';
import { EPISODE_ID_PATTERN } from '../../series/episode';
import { StartPlaybackDto, TITLE_ID_PATTERN } from './start-playback.dto';

const FINITE = { allowNaN: false, allowInfinity: false };

const FIELDS = new Set(['titleId', 'episodeId', 'position', 'duration']);

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

  /**
   * A player sends one every 10 s: the decorators' rules, written out for bodies that follow them
   * plainly (see AcceptedAsIs). Whatever this does not accept (a null, a stray field, a bad value)
   * is left to the validator.
   */
  static acceptsAsIs(body: Readonly<Record<string, unknown>>): boolean {
    for (const key in body) if (!FIELDS.has(key)) return false;
    const { titleId, episodeId, position, duration } = body;
    return (
      typeof titleId === 'string' &&
      TITLE_ID_PATTERN.test(titleId) &&
      (episodeId === undefined || (typeof episodeId === 'string' && EPISODE_ID_PATTERN.test(episodeId))) &&
      typeof position === 'number' &&
      Number.isFinite(position) &&
      position >= 0 &&
      (duration === undefined || (typeof duration === 'number' && Number.isFinite(duration) && duration > 0))
    );
  }
}
