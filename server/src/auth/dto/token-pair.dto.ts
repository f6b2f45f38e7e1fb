import { ApiProperty } from '@nestjs/swagger';

export class TokenPairDto {
  @ApiProperty({ description: 'HS256 access token; send as `Authorization: Bearer <jwt>`' })
  jwt: string;

  @ApiProperty({ description: 'Opaque refresh token; single use, exchanged at POST /auth/refresh' })
  refreshToken: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The profile the access token speaks for; null while none is chosen: a new login, or one whose chosen profile was removed ' +
      '(a client that had chosen one should ask "Who\'s watching?" again)',
  })
  profileId: string | null;
}
