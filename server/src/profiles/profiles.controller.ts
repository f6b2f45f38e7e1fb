import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { BeforeProfileChoice } from '../common/decorators/before-profile-choice.decorator';
import { NotForKidsProfiles } from '../common/decorators/not-for-kids.decorator';
import { AvatarListDto } from './dto/avatar-list.dto';
import { CreateProfileDto } from './dto/create-profile.dto';
import { ProfileListDto } from './dto/profile-list.dto';
import { ProfileDto } from './dto/profile.dto';
import { RemovePinDto } from './dto/remove-pin.dto';
import { SelectProfileDto } from './dto/select-profile.dto';
import { SelectedProfileDto } from './dto/selected-profile.dto';
import { SetPinDto } from './dto/set-pin.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('profiles')
@ApiBearerAuth()
@Controller('profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  @Get()
  @BeforeProfileChoice()
  @ApiOperation({ operationId: 'listProfiles', summary: "The account's profiles: who's watching?" })
  @ApiOkResponse({ type: ProfileListDto })
  @ApiErrors(401)
  listProfiles(@CurrentUser() viewer: AuthenticatedUser): Promise<ProfileListDto> {
    return this.profiles.list(viewer.userId);
  }

  @Get('avatars')
  @BeforeProfileChoice()
  @ApiOperation({ operationId: 'listAvatars', summary: 'The avatars a profile can wear' })
  @ApiOkResponse({ type: AvatarListDto })
  @ApiErrors(401)
  listAvatars(): AvatarListDto {
    return this.profiles.avatars();
  }

  @Post()
  @NotForKidsProfiles()
  @ApiOperation({ operationId: 'createProfile', summary: 'Add a profile (at most 5 per account)' })
  @ApiCreatedResponse({ type: ProfileDto })
  @ApiErrors(400, 401, 403, 409, 413)
  createProfile(@CurrentUser() viewer: AuthenticatedUser, @Body() body: CreateProfileDto): Promise<ProfileDto> {
    return this.profiles.create(viewer.userId, body);
  }

  @Patch(':id')
  @NotForKidsProfiles()
  @ApiOperation({ operationId: 'updateProfile', summary: 'Rename a profile, or change its avatar, kids flag, maturity ceiling or autoplay' })
  @ApiParam({ name: 'id', example: 'prof_3kT9x0aQ1bYc2dEf' })
  @ApiOkResponse({ type: ProfileDto })
  @ApiErrors(400, 401, 403, 404, 413)
  updateProfile(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdateProfileDto): Promise<ProfileDto> {
    return this.profiles.update(viewer.userId, id, body);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @NotForKidsProfiles()
  @ApiOperation({ operationId: 'deleteProfile', summary: 'Remove a profile and what it owns; never the last one, nor the one in use', description: 'Devices that had chosen this profile are signed out.' })
  @ApiParam({ name: 'id', example: 'prof_3kT9x0aQ1bYc2dEf' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(401, 403, 404, 409)
  deleteProfile(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    return this.profiles.remove(viewer, id);
  }

  @Put(':id/pin')
  @BeforeProfileChoice()
  @HttpCode(HttpStatus.NO_CONTENT)
  @NotForKidsProfiles()
  @ApiOperation({ operationId: 'setProfilePin', summary: 'Lock a profile with a 4-digit PIN (confirmed with the account password)' })
  @ApiParam({ name: 'id', example: 'prof_3kT9x0aQ1bYc2dEf' })
  @ApiNoContentResponse({ description: 'Locked' })
  @ApiErrors(400, 401, 403, 404, 413, 429)
  setProfilePin(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string, @Body() body: SetPinDto): Promise<void> {
    return this.profiles.setPin(viewer.userId, id, body.pin, body.password);
  }

  @Delete(':id/pin')
  @BeforeProfileChoice()
  @HttpCode(HttpStatus.NO_CONTENT)
  @NotForKidsProfiles()
  @ApiOperation({ operationId: 'removeProfilePin', summary: 'Unlock a profile (confirmed with the account password)' })
  @ApiParam({ name: 'id', example: 'prof_3kT9x0aQ1bYc2dEf' })
  @ApiNoContentResponse({ description: 'Unlocked' })
  @ApiErrors(400, 401, 403, 404, 413, 429)
  removeProfilePin(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string, @Body() body: RemovePinDto): Promise<void> {
    return this.profiles.removePin(viewer.userId, id, body.password);
  }

  @Post(':id/select')
  @BeforeProfileChoice()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'selectProfile',
    summary: 'Watch as this profile: an access token bound to it',
    description: 'A locked profile needs its PIN (403 without the right one; wrong guesses are throttled with 429). Refreshing the login keeps the profile.',
  })
  @ApiParam({ name: 'id', example: 'prof_3kT9x0aQ1bYc2dEf' })
  @ApiOkResponse({ type: SelectedProfileDto })
  @ApiErrors(400, 401, 403, 404, 413, 429)
  selectProfile(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string, @Body() body: SelectProfileDto): Promise<SelectedProfileDto> {
    return this.profiles.select(viewer, id, body.pin);
  }
}
