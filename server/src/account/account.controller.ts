import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { AccountService } from './account.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { ProfileDto } from './dto/profile.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOperation({ operationId: 'getProfile', summary: 'The signed-in viewer' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiErrors(401)
  getProfile(@CurrentUser() viewer: AuthenticatedUser): Promise<ProfileDto> {
    return this.account.profile(viewer.userId);
  }

  @Patch()
  @ApiOperation({ operationId: 'updateProfile', summary: 'Change the display name' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiErrors(400, 401, 413)
  updateProfile(@CurrentUser() viewer: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<ProfileDto> {
    return this.account.rename(viewer.userId, body.name);
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'changePassword', summary: 'Change the password; every other session ends at once' })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiErrors(400, 401, 413)
  changePassword(@CurrentUser() viewer: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.account.changePassword(viewer.userId, viewer.sessionId, body.currentPassword, body.newPassword);
  }

  @Delete('sessions')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'signOutEverywhere', summary: 'Sign out of all devices, this one included' })
  @ApiNoContentResponse({ description: 'Every session ended' })
  @ApiErrors(401)
  signOutEverywhere(@CurrentUser() viewer: AuthenticatedUser): Promise<void> {
    return this.account.signOutEverywhere(viewer.userId);
  }
}
