import { ApiProperty } from '@nestjs/swagger';

/** The one shape every error response has. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'email must be an email' })
  message: string;
}
