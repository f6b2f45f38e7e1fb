import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors } from '../common/decorators/api-errors.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AVATAR_KEYS, renderAvatar } from './avatars';

/** The drawings never change under one version (the URL carries it): cache them as long as a browser will. */
const ONE_YEAR_SECONDS = 31_536_000;

@ApiTags('profiles')
@Public()
@Controller('avatars')
export class AvatarsController {
  private readonly drawn = new Map(AVATAR_KEYS.map((key) => [key, renderAvatar(key) as string]));

  @Get(':key.svg')
  @Header('Content-Type', 'image/svg+xml')
  @Header('Cache-Control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`)
  @ApiOperation({ operationId: 'getAvatar', summary: 'A profile avatar, drawn by this API' })
  @ApiParam({ name: 'key', enum: AVATAR_KEYS })
  @ApiProduces('image/svg+xml')
  @ApiOkResponse({ description: 'The avatar as SVG', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiErrors(404)
  getAvatar(@Param('key') key: string, @Res({ passthrough: true }) response: Response): string {
    const svg = this.drawn.get(key);
    if (svg === undefined) {
      response.removeHeader('Cache-Control');
      throw new NotFoundException(`There is no avatar ${key}`);
    }
    return svg;
  }
}
