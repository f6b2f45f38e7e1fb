import { BadRequestException, Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock/clock';
import { AuthenticatedUser, ProfileViewer } from '../common/decorators/current-user.decorator';
import { AppConfig } from '../config/app-config';
import { MediaLibrary } from '../media/media-library.service';
import { isCompleted } from './completion';
import { HeartbeatDto } from './dto/heartbeat.dto';
import { PlaybackSessionDto } from './dto/playback-session.dto';
import { PreparedStreamDto } from './dto/prepared-stream.dto';
import { PlayEvents } from './play-events.service';
import { ProgressRepository } from './progress.repository';
import { issueStreamLink } from './stream-link-issuer';
import { StreamTokenSigner } from './stream-token.signer';

/** How far past the end a player may report, for rounding at the last frame. */
const END_TOLERANCE_SECONDS = 1;

/** Starting a stream and recording how far a profile got. */
@Injectable()
export class PlaybackService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly media: MediaLibrary,
    private readonly progress: ProgressRepository,
    private readonly signer: StreamTokenSigner,
    private readonly events: PlayEvents,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * A signed stream for a title this profile may see (403 saying why otherwise), and where it left
   * off. `preparedUrl` (from /play/prepare) is reused when still good, see issueStreamLink.
   */
  async start(viewer: Pick<AuthenticatedUser, 'userId' | 'sessionId' | 'profileId' | 'audience'>, titleId: string, preparedUrl?: string): Promise<PlaybackSessionDto> {
    await this.catalog.get(titleId, viewer.audience);
    const { manifest } = this.media.forTitle(titleId);
    const link = issueStreamLink(this.signer, this.linkSettings(), { userId: viewer.userId, sessionId: viewer.sessionId, titleId }, preparedUrl);
    const saved = await this.progress.find(viewer.profileId, titleId);
    await this.events.recordPlay(viewer.profileId, titleId);
    const { root: streamRoot, expiresAt } = link;
    return {
      hlsUrl: `${streamRoot}/master.m3u8`,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      resumePosition: saved && !saved.completed ? saved.position : 0,
      duration: manifest.durationSeconds,
      thumbnails: manifest.thumbnails ? `${streamRoot}/${manifest.thumbnails.playlist}` : null,
    };
  }

  /**
   * A signed stream link for a title this profile may see, fetched ahead while its page is open:
   * records no play and reads no progress; /play/start with it as `preparedUrl` plays the same URLs.
   */
  async prepare(viewer: Pick<AuthenticatedUser, 'userId' | 'sessionId' | 'audience'>, titleId: string): Promise<PreparedStreamDto> {
    await this.catalog.get(titleId, viewer.audience);
    const link = issueStreamLink(this.signer, this.linkSettings(), { userId: viewer.userId, sessionId: viewer.sessionId, titleId });
    return { hlsUrl: `${link.root}/master.m3u8`, expiresAt: new Date(link.expiresAt * 1000).toISOString() };
  }

  private linkSettings() {
    return { publicUrl: this.config.publicUrl, ttlSeconds: this.config.streamTokenTtlSeconds, nowSeconds: Math.floor(this.clock.now() / 1000) };
  }

  async heartbeat(viewer: ProfileViewer, { titleId, position }: HeartbeatDto): Promise<void> {
    await this.catalog.get(titleId, viewer.audience);
    const duration = this.media.forTitle(titleId).manifest.durationSeconds;
    if (position > duration + END_TOLERANCE_SECONDS) {
      throw new BadRequestException(`position must be at most the stream's length (${duration} s) plus a second`);
    }
    const clamped = Math.min(position, duration);
    const completed = isCompleted(clamped, duration);
    const { saved, wasCompleted } = await this.progress.save({ profileId: viewer.profileId, titleId, position: clamped, duration, completed, updatedAt: this.clock.now() });
    // A completion is an event once, however many heartbeats the credits send.
    if (saved && completed && !wasCompleted) await this.events.recordCompletion(viewer.profileId, titleId);
  }
}
