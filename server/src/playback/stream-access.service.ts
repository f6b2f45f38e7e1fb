import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { TokensService } from '../auth/tokens.service';
import { Clock } from '../common/clock/clock';
import { MediaLibrary } from '../media/media-library.service';
import { resolveStreamFile, ResolvedStreamFile } from './stream-file';
import { StreamTokenSigner } from './stream-token.signer';

/** Playlists and segments never change; an hour is plenty and never outlives the token. */
const MAX_CACHE_SECONDS = 3600;

/** A stream file a signed path may read, and how long a cache may keep it. */
export interface StreamAccess {
  file: ResolvedStreamFile;
  cacheControl: string;
}

/**
 * The rules of a signed stream path: a genuine token, not expired, of a login still active, naming a
 * media file inside its title's folder. The controller only sends what this allows.
 */
@Injectable()
export class StreamAccessService {
  constructor(
    private readonly signer: StreamTokenSigner,
    private readonly media: MediaLibrary,
    private readonly clock: Clock,
    private readonly tokens: TokensService,
  ) {}

  async authorize(token: string, segments: string[]): Promise<StreamAccess> {
    const grant = this.signer.verify(token);
    if (!grant) throw new ForbiddenException('Stream link is not valid');
    const remaining = grant.expiresAt - Math.floor(this.clock.now() / 1000);
    if (remaining <= 0) throw new ForbiddenException('Stream link has expired; start playback again');
    // The login's state is remembered in process and forgotten on news of its end: no store read per segment.
    if (!(await this.tokens.isSessionActive({ sub: grant.userId, sid: grant.sessionId }))) {
      throw new ForbiddenException('Stream link has ended with the sign-in that started it; sign in and start playback again');
    }
    const file = resolveStreamFile(this.media.forStream(grant.streamId).directory, segments);
    if (file === 'traversal') throw new ForbiddenException('Path leaves the title’s folder');
    if (file === 'not-media') throw new NotFoundException('No such stream file');
    return { file, cacheControl: file.isKey ? 'no-store' : `private, max-age=${Math.min(remaining, MAX_CACHE_SECONDS)}` };
  }
}
