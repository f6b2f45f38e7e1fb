import { ApiProperty } from '@nestjs/swagger';
import { TokenPairDto } from './token-pair.dto';
import { UserDto } from './user.dto';

export class AuthResponseDto extends TokenPairDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;
}
