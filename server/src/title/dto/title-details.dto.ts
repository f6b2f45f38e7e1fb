import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TitleSummaryDto } from '../../catalog/dto/title-summary.dto';
import { SeasonDto } from './season.dto';
import { StreamProfileDto } from './stream-profile.dto';
import { TitleImagesDto } from './title-images.dto';

export const TITLE_KINDS = ['film', 'series'] as const;
export type TitleKind = (typeof TITLE_KINDS)[number];

export class TitleDetailsDto {
  @ApiProperty({ example: 'tt1000', pattern: '^tt\\d+$' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  synopsis: string;

  @ApiProperty({ type: TitleImagesDto })
  images: TitleImagesDto;

  @ApiProperty({ type: [StreamProfileDto] })
  streams: StreamProfileDto[];

  @ApiProperty({ type: [String], description: 'Ids of similar titles, most similar first', example: ['tt1042', 'tt1017'] })
  similar: string[];

  @ApiProperty({ type: [TitleSummaryDto], description: 'The similar titles as cards, in the same order as `similar`' })
  similarTitles: TitleSummaryDto[];

  @ApiProperty({ type: 'integer', example: 2008 })
  year: number;

  @ApiProperty({ type: [String], example: ['Drama', 'Fantasy'] })
  genres: string[];

  @ApiProperty({ example: 'PG-13' })
  maturityRating: string;

  @ApiProperty({ type: 'integer', example: 124 })
  runtimeMinutes: number;

  @ApiProperty({ type: [String], example: ['Isolde Szarvek', 'Jovan Falkenrath'], description: 'Who is in it, leads first (invented people); empty when not known' })
  cast: string[];

  @ApiProperty({ type: String, nullable: true, example: 'Mireille Brannigar', description: 'Who directed it (an invented person); null when not known' })
  director: string | null;

  @ApiProperty({ enum: TITLE_KINDS, enumName: 'TitleKind', example: 'series', description: 'A series has seasons of episodes (GET /titles/{id}/episodes); a film plays as it is' })
  kind: TitleKind;

  @ApiPropertyOptional({ type: [SeasonDto], description: 'A series’ seasons in order; only for a series' })
  seasons?: SeasonDto[];
}
