import { ApiProperty } from '@nestjs/swagger';

export enum StreamProtection {
  None = 'none',
  Aes128 = 'aes-128',
  ClearKey = 'clearkey',
}

export class StreamProfileDto {
  @ApiProperty({ example: '720p', description: 'A rendition that really exists in the title’s HLS ladder' })
  profile: string;

  @ApiProperty({ enum: StreamProtection, enumName: 'StreamProtection' })
  drm: StreamProtection;
}
