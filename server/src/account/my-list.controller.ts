import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { ListPageQueryDto } from '../common/dto/list-page-query.dto';
import { TitleListDto } from './dto/title-list.dto';
import { MyListService } from './my-list.service';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me/list')
export class MyListController {
  constructor(private readonly myList: MyListService) {}

  @Get()
  @ApiOperation({ operationId: 'getMyList', summary: 'Saved titles, newest first; paged with `limit` and `cursor`, else the whole list' })
  @ApiOkResponse({ type: TitleListDto })
  @ApiErrors(400, 401)
  getMyList(@CurrentUser() viewer: AuthenticatedUser, @Query() query: ListPageQueryDto): Promise<TitleListDto> {
    return this.myList.list(viewer, query);
  }

  @Put(':titleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'addToMyList', summary: 'Save a title (idempotent)' })
  @ApiParam({ name: 'titleId', example: 'tt1000' })
  @ApiNoContentResponse({ description: 'On the list' })
  @ApiErrors(401, 403, 404)
  addToMyList(@CurrentUser() viewer: AuthenticatedUser, @Param('titleId') titleId: string): Promise<void> {
    return this.myList.add(viewer, titleId);
  }

  @Delete(':titleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'removeFromMyList', summary: 'Unsave a title (idempotent)' })
  @ApiParam({ name: 'titleId', example: 'tt1000' })
  @ApiNoContentResponse({ description: 'Not on the list' })
  @ApiErrors(401, 404)
  removeFromMyList(@CurrentUser() viewer: AuthenticatedUser, @Param('titleId') titleId: string): Promise<void> {
    return this.myList.remove(viewer, titleId);
  }
}
