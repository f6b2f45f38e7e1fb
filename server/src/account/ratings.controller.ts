import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { ListPageQueryDto } from '../common/dto/list-page-query.dto';
import { RateTitleDto } from './dto/rate-title.dto';
import { RatingListDto } from './dto/rating-list.dto';
import { RatingsService } from './ratings.service';

@ApiTags('account')
@ApiBearerAuth()
@Controller('me/ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Get()
  @ApiOperation({ operationId: 'getRatings', summary: 'The viewer’s ratings, most recent first; paged with `limit` and `cursor`, else all of them' })
  @ApiOkResponse({ type: RatingListDto })
  @ApiErrors(400, 401)
  getRatings(@CurrentUser() viewer: AuthenticatedUser, @Query() query: ListPageQueryDto): Promise<RatingListDto> {
    return this.ratings.list(viewer, query);
  }

  @Put(':titleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'rateTitle', summary: 'Thumbs down, up, or love' })
  @ApiParam({ name: 'titleId', example: 'tt1000' })
  @ApiNoContentResponse({ description: 'Rated' })
  @ApiErrors(400, 401, 403, 404, 413)
  rateTitle(@CurrentUser() viewer: AuthenticatedUser, @Param('titleId') titleId: string, @Body() body: RateTitleDto): Promise<void> {
    return this.ratings.rate(viewer, titleId, body.rating);
  }

  @Delete(':titleId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'clearRating', summary: 'Remove the rating (idempotent)' })
  @ApiParam({ name: 'titleId', example: 'tt1000' })
  @ApiNoContentResponse({ description: 'Not rated' })
  @ApiErrors(401, 404)
  clearRating(@CurrentUser() viewer: AuthenticatedUser, @Param('titleId') titleId: string): Promise<void> {
    return this.ratings.clear(viewer, titleId);
  }
}
