import { ApiProperty } from '@nestjs/swagger';
import { IsByteLength, IsString } from 'class-validator';
import { EmailField, PASSWORD_MAX_BYTES } from '../../common/validation/account-fields';

export class LoginDto {
  @EmailField()
  email: string;

  // Any stored password is at most 72 bytes; a longer one is refused, never truncated into a match.
  @ApiProperty({ example: 'correct horse battery', minLength: 1, maxLength: PASSWORD_MAX_BYTES })
  @IsByteLength(1, PASSWORD_MAX_BYTES, { message: `$property must be 1 to ${PASSWORD_MAX_BYTES} bytes of UTF-8` })
  // Type first: decorators nearest the property run first.
  @IsString()
  password: string;
}
