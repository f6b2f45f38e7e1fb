import { Controller, ForbiddenException, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { stat } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { Clock } from '../common/clock/clock';
import { TokensService } from '../auth/tokens.service';
import { AppConfig } from '../config/app-config';
import { Public } from '../common/decorators/public.decorator';
import { MediaLibrary } from '../media/media-library';
import { resolveStreamFile } from './stream-file';
import { StreamTokenSigner } from './stream-token';

/** Playlists and segments change never; an hour is plenty and never outlives the token. */
const MAX_CACHE_SECONDS = 3600;

/**
 * Serves HLS files under a signed path. Authorization is the token in the path, not a header, so
 * players fetch variant playlists, segments, subtitles and keys by relative URL; the token names the
 * login that started playback, and stops working when that login ends.
 */
@ApiExcludeController()
@Public()
@Controller('stream')
export class StreamController {
  constructor(
    private readonly signer: StreamTokenSigner,
    private readonly media: MediaLibrary,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly tokens: TokensService,
  ) {}

  @Get(':token/*path')
  async serve(@Param('token') token: string, @Param('path') path: string[] | string, @Res() response: Response): Promise<void> {
    const grant = this.signer.verify(token);
    if (!grant) throw new ForbiddenException('Stream link is not valid');
    const remaining = grant.expiresAt - Math.floor(this.clock.now() / 1000);
    if (remaining <= 0) throw new ForbiddenException('Stream link has expired; start playback again');
    // The login's state is remembered in process and forgotten on news of its end: no store read per segment.
    if (!(await this.tokens.isSessionActive({ sub: grant.userId, sid: grant.sessionId }))) {
      throw new ForbiddenException('Stream link has ended with the sign-in that started it; sign in and start playback again');
    }

    const segments = Array.isArray(path) ? path : path.split('/');
    const file = resolveStreamFile(this.media.forTitle(grant.titleId).directory, segments);
    if (file === 'traversal') throw new ForbiddenException('Path leaves the title’s folder');
    if (file === 'not-media') throw new NotFoundException('No such stream file');

    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Cache-Control', file.isKey ? 'no-store' : `private, max-age=${Math.min(remaining, MAX_CACHE_SECONDS)}`);
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
