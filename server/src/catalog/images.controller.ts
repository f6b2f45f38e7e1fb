import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ArtworkKind, ArtworkService } from './artwork.service';

// Artwork URLs carry a version, so a year of caching is safe.
const CACHE_CONTROL = 'public, max-age=31536000, immutable';

@ApiTags('catalog')
@Public()
@Controller('images')
export class ImagesController {
  constructor(private readonly artwork: ArtworkService) {}

  @Get(':titleId/poster.svg')
  @Header('Cache-Control', CACHE_CONTROL)
  @ApiOperation({ operationId: 'getPoster', summary: 'A title’s 2:3 poster (SVG, public)' })
  @ApiParam({ name: 'titleId', example: 'tt1000' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'The poster', schema: { type: 'string', format: 'binary' } })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  @ApiErrors(404)
  getPoster(@Param('titleId') titleId: string, @Res() response: Response): Promise<void> {
    return this.send(titleId, 'poster', response);
  }

  @Get(':titleId/backdrop.svg')
  @Header('Cache-Control', CACHE_CONTROL)
  @ApiOperation({ operationId: 'getBackdrop', summary: 'A title’s 16:9 backdrop (SVG, public)' })
  @ApiParam({ name: 'titleId', example: 'tt1000' })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'The backdrop', schema: { type: 'string', format: 'binary' } })
  @ApiNotModifiedResponse({ description: 'Unchanged since the ETag sent in If-None-Match' })
  @ApiErrors(404)
  getBackdrop(@Param('titleId') titleId: string, @Res() response: Response): Promise<void> {
    return this.send(titleId, 'backdrop', response);
  }

  private async send(titleId: string, kind: ArtworkKind, response: Response): Promise<void> {
    const { svg, etag } = await this.artwork.render(titleId, kind);
    // Express answers 304 itself when If-None-Match matches this ETag.
    response.setHeader('ETag', etag);
    response.type('image/svg+xml').send(svg);
  }
}
