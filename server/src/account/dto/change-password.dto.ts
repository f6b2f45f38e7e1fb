import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PasswordField } from '../../common/validation/account-fields';

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password in use now' })
  @MaxLength(1024)
  @IsString()
  currentPassword: string;

  @PasswordField('The new password: 8 to 72 bytes of UTF-8')
  newPassword: string;
}
