import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { NotForKidsProfiles } from '../common/decorators/not-for-kids.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { AccountService } from './account.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { AccountDto } from './dto/account.dto';
import { UpdateAccountDto } from './dto/update-account.dto';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @ApiOperation({ operationId: 'getAccount', summary: 'The signed-in account' })
  @ApiOkResponse({ type: AccountDto })
  @ApiErrors(401)
  getAccount(@CurrentUser() viewer: AuthenticatedUser): Promise<AccountDto> {
    return this.account.profile(viewer.userId);
  }

  @Patch()
  @NotForKidsProfiles()
  @ApiOperation({ operationId: 'updateAccount', summary: 'Change the account’s display name' })
  @ApiOkResponse({ type: AccountDto })
  @ApiErrors(400, 401, 403, 413)
  updateAccount(@CurrentUser() viewer: AuthenticatedUser, @Body() body: UpdateAccountDto): Promise<AccountDto> {
    return this.account.rename(viewer.userId, body.name);
  }

  @Post('password')
  @NotForKidsProfiles()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'changePassword', summary: 'Change the password; every other session ends at once' })
  @ApiNoContentResponse({ description: 'Password changed' })
  @ApiErrors(400, 401, 403, 413)
  changePassword(@CurrentUser() viewer: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.account.changePassword(viewer.userId, viewer.sessionId, body.currentPassword, body.newPassword);
  }

  @Delete('sessions')
  @NotForKidsProfiles()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'signOutEverywhere', summary: 'Sign out of all devices, this one included' })
  @ApiNoContentResponse({ description: 'Every session ended' })
  @ApiErrors(401, 403)
  signOutEverywhere(@CurrentUser() viewer: AuthenticatedUser): Promise<void> {
    return this.account.signOutEverywhere(viewer.userId);
  }
}
