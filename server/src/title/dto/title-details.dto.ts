import { ApiProperty } from '@nestjs/swagger';
import { StreamProfileDto } from './stream-profile.dto';
import { TitleImagesDto } from './title-images.dto';

export class TitleDetailsDto {
  @ApiProperty({ example: 'tt1000' })
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

  @ApiProperty({ example: 2008 })
  year: number;

  @ApiProperty({ type: [String], example: ['Drama', 'Fantasy'] })
  genres: string[];

  @ApiProperty({ example: 'PG-13' })
  maturityRating: string;

  @ApiProperty({ example: 124 })
  runtimeMinutes: number;
}
