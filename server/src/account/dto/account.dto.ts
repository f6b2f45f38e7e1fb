import { ApiProperty } from '@nestjs/swagger';
import { UserDto } from '../../auth/dto/user.dto';

export class AccountDto extends UserDto {
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}
