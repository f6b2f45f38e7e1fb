import { ApiProperty } from '@nestjs/swagger';

export class UserDto {
  @ApiProperty({ example: 'user_3kTq9xQ2bZ0aLm1N' })
  id: string;

  @ApiProperty({ example: 'viewer@example.com' })
  email: string;

  @ApiProperty({ example: 'Ada Viewer' })
  name: string;
}
