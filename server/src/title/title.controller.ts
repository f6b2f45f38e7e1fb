import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { PreparedPages } from '../common/http/prepared-pages';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { TitleDetailsDto } from './dto/title-details.dto';
import { TitleService } from './title.service';

/** Details pages kept serialised, by title, ceiling and the media they were made from. */
const PREPARED_PAGES = 5_000;
const PREPARED_PAGE_MAX_AGE_MS = 60_000;

@ApiTags('titles')
@ApiBearerAuth()
@Controller('titles')
export class TitleController {
  private readonly pages = new PreparedPages(PREPARED_PAGES, PREPARED_PAGE_MAX_AGE_MS);

  constructor(private readonly titles: TitleService) {}

  @Get(':id')
  @ApiOperation({ operationId: 'getTitle', summary: 'A title’s details, streams and similar titles' })
  @ApiParam({ name: 'id', example: 'tt1000' })
  @ApiOkResponse({ type: TitleDetailsDto })
  @ApiErrors(401, 403, 404)
  async getTitle(@CurrentUser() viewer: AuthenticatedUser, @Param('id') id: string, @Res() response: Response): Promise<void> {
    (await this.pages.get(this.titles.detailsKey(id, viewer.audience), () => this.titles.details(id, viewer.audience))).send(response);
  }
}
