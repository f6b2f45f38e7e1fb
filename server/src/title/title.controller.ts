import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { TitleDetailsDto } from './dto/title-details.dto';
import { TitleService } from './title.service';

@ApiTags('titles')
@ApiBearerAuth()
@Controller('titles')
export class TitleController {
  constructor(private readonly titles: TitleService) {}

  @Get(':id')
  @ApiOperation({ operationId: 'getTitle', summary: 'A title’s details, streams and similar titles' })
  @ApiParam({ name: 'id', example: 'tt1000' })
  @ApiOkResponse({ type: TitleDetailsDto })
  @ApiErrors(401, 403, 404)
  getTitle(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string): Promise<TitleDetailsDto> {
    return this.titles.details(id, viewer.audience);
  }
}
