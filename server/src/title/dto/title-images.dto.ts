import { ApiProperty } from '@nestjs/swagger';

export class TitleImagesDto {
  @ApiProperty({ description: '2:3 poster URL' })
  poster: string;

  @ApiProperty({ description: '16:9 backdrop URL' })
  backdrop: string;
}
