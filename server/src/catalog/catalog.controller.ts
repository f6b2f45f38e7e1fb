import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { PreparedPages } from '../common/http/prepared-pages';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { CatalogService } from './catalog.service';
import { CatalogPageDto } from './dto/catalog-page.dto';
import { CatalogQueryDto } from './dto/catalog-query.dto';
import { GenreListDto } from './dto/genre-list.dto';

/** Catalog pages kept serialised: the catalog does not change while an instance runs. */
const PREPARED_PAGES = 5_000;
const PREPARED_PAGE_MAX_AGE_MS = 60_000;

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
  private readonly pages = new PreparedPages(PREPARED_PAGES, PREPARED_PAGE_MAX_AGE_MS);

  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({
    operationId: 'listCatalog',
    summary: 'Page through the titles this profile may see: by genre, decade and maturity, sorted, or by search words',
    description:
      'Follow `cursor` until it is null to see every matching title exactly once, in a stable order (the catalog order, or `sort`). A cursor works only with the query it came from.',
  })
  @ApiOkResponse({ type: CatalogPageDto })
  @ApiErrors(400, 401)
  async listCatalog(@CurrentUser() viewer: AuthenticatedUser, @Query() query: CatalogQueryDto, @Res() response: Response): Promise<void> {
    // A page is the query's and the profile ceiling's alone: the key names both.
    const key = `${viewer.audience.maxLevel}|${JSON.stringify(query)}`;
    (await this.pages.get(key, () => this.catalog.page(query, viewer.audience))).send(response);
  }

  @Get('genres')
  @ApiOperation({ operationId: 'listGenres', summary: 'Every genre with the number of titles this profile may see' })
  @ApiOkResponse({ type: GenreListDto })
  @ApiErrors(401)
  listGenres(@CurrentUser() viewer: AuthenticatedUser): Promise<GenreListDto> {
    return this.catalog.genres(viewer.audience);
  }
}
