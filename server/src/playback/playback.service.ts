import { BadRequestException, Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock/clock';
import { AuthenticatedUser, ProfileViewer } from '../common/decorators/current-user.decorator';
import { AppConfig } from '../config/app-config';
import { MediaLibrary } from '../media/media-library.service';
import { HomePages } from '../recs/home-pages.service';
import { TitleMedia } from '../media/media-manifest';
import { Episode } from '../series/episode';
import { SeriesService } from '../series/series.service';
import { isCompleted } from './completion';
import { HeartbeatDto } from './dto/heartbeat.dto';
import { PlaybackSessionDto } from './dto/playback-session.dto';
import { PrepareStreamDto } from './dto/prepare-stream.dto';
import { PreparedStreamDto } from './dto/prepared-stream.dto';
import { StartPlaybackDto } from './dto/start-playback.dto';
import { PlayEvents } from './play-events.service';
import { ProgressRepository } from './progress.repository';
import { issueStreamLink } from './stream-link-issuer';
import { StreamTokenSigner } from './stream-token.signer';

/** How far past the end a player may report, for rounding at the last frame. */
const END_TOLERANCE_SECONDS = 1;

/** Starting a stream (a film's, or an episode's of a series) and recording how far a profile got. */
@Injectable()
export class PlaybackService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly series: SeriesService,
    private readonly media: MediaLibrary,
    private readonly progress: ProgressRepository,
    private readonly signer: StreamTokenSigner,
    private readonly events: PlayEvents,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly homePages: HomePages,
  ) {}

  /**
   * A signed stream for a title this profile may see (403 saying why otherwise), or for one episode of
   * a series, with where it left off, the stream's markers and, for an episode, the one after it.
   * `preparedUrl` (from /play/prepare) is reused when still good, see issueStreamLink.
   */
  async start(viewer: Pick<AuthenticatedUser, 'userId' | 'sessionId' | 'profileId' | 'audience'>, { titleId, episodeId, preparedUrl }: StartPlaybackDto): Promise<PlaybackSessionDto> {
    const episode = await this.series.episodeToPlay(await this.catalog.get(titleId, viewer.audience), episodeId);
    const { manifest } = this.streamOf(titleId, episode);
    const { root: streamRoot, expiresAt } = issueStreamLink(
      this.signer,
      this.linkSettings(),
      { userId: viewer.userId, sessionId: viewer.sessionId, streamId: episode?.id ?? titleId },
      preparedUrl,
    );
    const saved = episode ? await this.progress.findEpisode(viewer.profileId, episode.id) : await this.progress.find(viewer.profileId, titleId);
    // A series is one title to trending and co-watching, whichever episode is played.
    await this.events.recordPlay(viewer.profileId, titleId);
    await this.homePages.changed(viewer.profileId);
    const next = episode && (await this.series.next(episode));
    return {
      hlsUrl: `${streamRoot}/master.m3u8`,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      resumePosition: saved && !saved.completed ? saved.position : 0,
      duration: manifest.durationSeconds,
      thumbnails: manifest.thumbnails ? `${streamRoot}/${manifest.thumbnails.playlist}` : null,
      markers: (manifest.markers ?? []).map(({ type, start, end }) => ({ type, start, end })),
      next: next ? { titleId, episodeId: next.id } : null,
    };
  }

  /**
   * A signed stream link for a title (or one episode of a series) this profile may see, fetched ahead
   * while its page is open: records no play and reads no progress; /play/start with it as
   * `preparedUrl` plays the same URLs.
   */
  async prepare(viewer: Pick<AuthenticatedUser, 'userId' | 'sessionId' | 'audience'>, { titleId, episodeId }: PrepareStreamDto): Promise<PreparedStreamDto> {
    const episode = await this.series.episodeToPlay(await this.catalog.get(titleId, viewer.audience), episodeId);
    const link = issueStreamLink(this.signer, this.linkSettings(), { userId: viewer.userId, sessionId: viewer.sessionId, streamId: episode?.id ?? titleId });
    return { hlsUrl: `${link.root}/master.m3u8`, expiresAt: new Date(link.expiresAt * 1000).toISOString() };
  }

  private linkSettings() {
    return { publicUrl: this.config.publicUrl, ttlSeconds: this.config.streamTokenTtlSeconds, nowSeconds: Math.floor(this.clock.now() / 1000) };
  }

  async heartbeat(viewer: ProfileViewer, { titleId, episodeId, position }: HeartbeatDto): Promise<void> {
    const episode = await this.series.episodeToPlay(await this.catalog.get(titleId, viewer.audience), episodeId);
    const duration = this.streamOf(titleId, episode).manifest.durationSeconds;
    if (position > duration + END_TOLERANCE_SECONDS) {
      throw new BadRequestException(`position must be at most the stream's length (${duration} s) plus a second`);
    }
    const clamped = Math.min(position, duration);
    const completed = isCompleted(clamped, duration);
    const { saved, wasCompleted } = await this.progress.save({
      profileId: viewer.profileId,
      titleId,
      ...(episode ? { episodeId: episode.id } : {}),
      position: clamped,
      duration,
      completed,
      updatedAt: this.clock.now(),
    });
    // A completion is an event once, however many heartbeats the credits send; a series completes with its last episode.
    if (saved && completed && !wasCompleted && !(episode && (await this.series.next(episode)))) await this.events.recordCompletion(viewer.profileId, titleId);
    if (saved) await this.homePages.watched(viewer.profileId, { titleId, episodeId: episode?.id, started: clamped > 0, completed });
  }

  private streamOf(titleId: string, episode: Episode | undefined): TitleMedia {
    return episode ? this.media.forEpisode(episode.id) : this.media.forTitle(titleId);
  }
}
