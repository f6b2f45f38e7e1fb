import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { BecauseYouWatchedDto } from './dto/because-you-watched.dto';
import { ForYouQueryDto } from './dto/for-you-query.dto';
import { HomePageDto } from './dto/home-page.dto';
import { HomePages } from './home-pages.service';
import { RecommendationListDto } from './dto/recommendation-list.dto';
import { RecsService } from './recs.service';

@ApiTags('recommendations')
@ApiBearerAuth()
@Controller('recs')
export class RecsController {
  constructor(
    private readonly recs: RecsService,
    private readonly homePages: HomePages,
  ) {}

  @Get('home')
  @ApiOperation({
    operationId: 'getHome',
    summary: 'The whole home page in one request',
    description:
      'Rows in order: Continue Watching and My List when non-empty, Trending Now, Because you watched (when there is history), Top picks for you, then genre rows. ' +
      'Empty rows are left out; a title appears in at most two rows; thumbs-down titles in none.',
  })
  @ApiOkResponse({ type: HomePageDto })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  @ApiErrors(401)
  async getHome(@CurrentUser() viewer: AuthenticatedUser, @Res() response: Response): Promise<void> {
    (await this.homePages.page(viewer, () => this.recs.home(viewer))).send(response);
  }

  @Get('for-you')
  @ApiOperation({
    operationId: 'getForYou',
    summary: 'Personal picks, best first',
    description: 'Never a title the viewer finished, is watching or rated (a thumbs-down included). A viewer with no history gets trending titles, then editorial picks.',
  })
  @ApiOkResponse({ type: RecommendationListDto })
  @ApiErrors(400, 401)
  getForYou(@CurrentUser() viewer: AuthenticatedUser, @Query() query: ForYouQueryDto): Promise<RecommendationListDto> {
    return this.recs.forYou(viewer, query.limit);
  }

  @Get('because/:titleId')
  @ApiOperation({ operationId: 'getBecauseYouWatched', summary: 'Titles for someone who watched this one: co-watched first, blended with similar ones' })
  @ApiParam({ name: 'titleId', example: 'tt1003' })
  @ApiOkResponse({ type: BecauseYouWatchedDto })
  @ApiErrors(401, 403, 404)
  getBecauseYouWatched(@CurrentUser() viewer: AuthenticatedUser, @Param('titleId') titleId: string): Promise<BecauseYouWatchedDto> {
    return this.recs.because(viewer, titleId);
  }

  @Get('trending')
  @ApiOperation({ operationId: 'getTrending', summary: 'Most played by all viewers in the last 7 days, then editorial picks to fill' })
  @ApiOkResponse({ type: RecommendationListDto })
  @ApiErrors(401)
  getTrending(@CurrentUser() viewer: AuthenticatedUser): Promise<RecommendationListDto> {
    return this.recs.trendingNow(viewer);
  }
}
