import { ApiProperty } from '@nestjs/swagger';

export class TokenPairDto {
  @ApiProperty({ description: 'HS256 access token; send as `Authorization: Bearer <jwt>`' })
  jwt: string;

  @ApiProperty({ description: 'Opaque refresh token; single use, exchanged at POST /auth/refresh' })
  refreshToken: string;
}
