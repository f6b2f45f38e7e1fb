import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { Public } from '../common/decorators/public.decorator';
import { AppConfig } from '../config/app-config';
import { StreamAccessService } from './stream-access.service';

/**
 * Serves HLS files under a signed path. Authorization is the token in the path, not a header, so
 * players fetch variant playlists, segments, subtitles and keys by relative URL; what a path may read
 * is StreamAccessService's rule, and this only sends it.
 */
@ApiExcludeController()
@Public()
@Controller('stream')
export class StreamController {
  constructor(
    private readonly access: StreamAccessService,
    private readonly config: AppConfig,
  ) {}

  @Get(':token/*path')
  async serve(@Param('token') token: string, @Param('path') path: string[] | string, @Res() response: Response): Promise<void> {
    const { file, cacheControl } = await this.access.authorize(token, Array.isArray(path) ? path : path.split('/'));
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Cache-Control', cacheControl);
    if (this.config.mediaAccelRedirect) {
      // The proxy in front sends the bytes (ranges included) from its internal location; this answer
      // only authorises. A missing file is still this API's 404, in the contract's shape.
      if (!(await stat(file.absolutePath).then((found) => found.isFile(), () => false))) throw new NotFoundException('No such stream file');
      const inMedia = relative(this.config.mediaDir, file.absolutePath).split(sep).map(encodeURIComponent).join('/');
      response.setHeader('X-Accel-Redirect', `${this.config.mediaAccelRedirect}${inMedia}`);
      response.end();
      return;
    }
    try {
      await new Promise<void>((resolve, reject) =>
        response.sendFile(file.absolutePath, { acceptRanges: true, cacheControl: false, dotfiles: 'deny' }, (error) => (error ? reject(error) : resolve())),
      );
    } catch {
      // A client that hung up mid-file needs no answer; a missing file is a 404.
      if (!response.headersSent) throw new NotFoundException('No such stream file');
    }
  }
}
