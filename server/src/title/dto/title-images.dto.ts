import { ApiProperty } from '@nestjs/swagger';

export class TitleImagesDto {
  @ApiProperty({ format: 'uri', description: '2:3 poster URL' })
  poster: string;

  @ApiProperty({ format: 'uri', description: '16:9 backdrop URL' })
  backdrop: string;
}
