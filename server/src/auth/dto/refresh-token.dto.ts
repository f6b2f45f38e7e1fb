import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({ description: 'The opaque refresh token from sign-up, login or the last refresh' })
  @Length(1, 512)
  @IsString()
  refreshToken: string;
}
