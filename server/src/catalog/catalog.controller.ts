import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { AuthenticatedUser, CurrentUser } from '../common/decorators/current-user.decorator';
import { CatalogService } from './catalog.service';
import { CatalogPageDto } from './dto/catalog-page.dto';
import { CatalogQueryDto } from './dto/catalog-query.dto';
import { GenreListDto } from './dto/genre-list.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalog')
export class CatalogController {
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
  listCatalog(@CurrentUser() viewer: AuthenticatedUser, @Query() query: CatalogQueryDto): Promise<CatalogPageDto> {
    return this.catalog.page(query, viewer.audience);
  }

  @Get('genres')
  @ApiOperation({ operationId: 'listGenres', summary: 'Every genre with the number of titles this profile may see' })
  @ApiOkResponse({ type: GenreListDto })
  @ApiErrors(401)
  listGenres(@CurrentUser() viewer: AuthenticatedUser): Promise<GenreListDto> {
    return this.catalog.genres(viewer.audience);
  }
}
