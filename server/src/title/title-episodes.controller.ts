import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { EpisodeListDto } from './dto/episode-list.dto';
import { EpisodeQueryDto } from './dto/episode-query.dto';
import { TitleEpisodesService } from './title-episodes.service';

@ApiTags('titles')
@ApiBearerAuth()
@Controller('titles')
export class TitleEpisodesController {
  constructor(private readonly episodes: TitleEpisodesService) {}

  @Get(':id/episodes')
  @ApiOperation({
    operationId: 'listEpisodes',
    summary: 'One season of a series: its episodes in order, each with the calling profile’s progress',
    description: '404 for an unknown title and for a film (only a series has episodes); 400 when `season` is absent or not one of the title’s `seasons` (the message names them); 403 above the profile’s maturity ceiling.',
  })
  @ApiParam({ name: 'id', example: 'tt1003' })
  @ApiOkResponse({ type: EpisodeListDto })
  @ApiErrors(400, 401, 403, 404)
  listEpisodes(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string, @Query() query: EpisodeQueryDto): Promise<EpisodeListDto> {
    return this.episodes.season(viewer, id, query.season);
  }
}
