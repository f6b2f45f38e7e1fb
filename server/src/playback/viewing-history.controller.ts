import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { ListPageQueryDto } from '../common/dto/list-page-query.dto';
import { ContinueWatchingDto } from './dto/continue-watching.dto';
import { HistoryDto } from './dto/history.dto';
import { ViewingHistoryService } from './viewing-history.service';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class ViewingHistoryController {
  constructor(private readonly history: ViewingHistoryService) {}

  @Get('continue-watching')
  @ApiOperation({ operationId: 'getContinueWatching', summary: 'Titles started and not finished, most recent first' })
  @ApiOkResponse({ type: ContinueWatchingDto })
  @ApiErrors(401)
  getContinueWatching(@CurrentUser() viewer: AuthenticatedUser): Promise<ContinueWatchingDto> {
    return this.history.continueWatching(viewer);
  }

  @Get('history')
  @ApiOperation({ operationId: 'getHistory', summary: 'Everything watched, most recent first; paged with `limit` and `cursor`, else all of it' })
  @ApiOkResponse({ type: HistoryDto })
  @ApiErrors(400, 401)
  getHistory(@CurrentUser() viewer: AuthenticatedUser, @Query() query: ListPageQueryDto): Promise<HistoryDto> {
    return this.history.history(viewer, query);
  }

  @Delete('history/:titleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'removeFromHistory', summary: 'Forget a title: it leaves history and Continue Watching' })
  @ApiParam({ name: 'titleId', example: 'tt1000' })
  @ApiNoContentResponse({ description: 'Forgotten' })
  @ApiErrors(401, 404)
  removeFromHistory(@CurrentUser() viewer: AuthenticatedUser, @Param('titleId') titleId: string): Promise<void> {
    return this.history.forget(viewer, titleId);
  }
}
