import { HttpErrorResponse } from '@angular/common/http';
import { afterRenderEffect, ChangeDetectionStrategy, Component, computed, DestroyRef, DOCUMENT, effect, ElementRef, inject, input, signal, untracked, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { Api, PlaybackSessionDto, startPlayback, TitleSummaryDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { EpisodeFinder } from '../../core/library/episode-finder';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { SessionStore } from '../../core/session/session.store';
import { episodeHeading } from '../../shared/series/episode-label';
import { BingeSession } from './binge/binge-session';
import { MoreToWatch } from './binge/more-to-watch';
import { SkippableMarker, skipLabel } from './binge/skip-marker';
import { StillWatchingDialog } from './binge/still-watching-dialog';
import { VIEWER_INPUT_EVENTS } from './binge/still-watching';
import { UpNextCard } from './binge/up-next-card';
import { UP_NEXT_COUNTDOWN_SECONDS } from './binge/up-next-countdown';
import { HeartbeatOutbox } from './heartbeat-outbox';
import { HeartbeatScheduler } from './heartbeat-scheduler';
import { renewLinksInShaka } from './link-renewal-filters';
import { playbackErrorMessage } from './playback-error-message';
import { PlaybackPrefetch } from '../../core/playback/playback-prefetch';
import { KEY_SEEK_SECONDS, PlayerCommand, playerCommandFor } from './player-keys';
import { Shaka, ShakaLoader } from '../../core/playback/shaka-loader';
import { StreamLinkRenewal } from './stream-link-renewal';
import { ViewerChoices } from './viewer-choices';

type ShakaPlayer = InstanceType<Shaka['Player']>;
type ShakaOverlay = InstanceType<Shaka['ui']['Overlay']>;
type ShakaError = InstanceType<Shaka['util']['Error']>;

/**
 * Each failed request is tried four times in all, 0.5 s, 1 s and 2 s apart: with the 10 s Shaka buffers
 * ahead, a network hiccup passes unnoticed, and a refused link is renewed before the second try.
 */
const RETRY_PARAMETERS = { maxAttempts: 4, baseDelay: 500, backoffFactor: 2 };

const LINK_LOST = 'The stream could not be renewed: the service refused it several times. Try again in a moment.';

/** Titles offered when a film (or the last episode) ends. */
const PICKS_AFTER_THE_END = 3;

/** What the route asks to play: a film, or an episode of a series (null: the one to resume). */
interface Requested {
  titleId: string;
  episodeId: string | null;
}

/** The programme loaded in the player: what its heartbeats are about, and its real length. */
interface Programme extends Requested {
  duration: number;
}

const sameRequest = (a: Requested, b: Requested | null) => a.titleId === b?.titleId && a.episodeId === b.episodeId;

interface PlaybackFailure {
  message: string;
  /** Whether trying again may help (a lost connection may; an unknown title will not). */
  retryable: boolean;
}

/** A failure to start: the API's refusal of this title is final; anything else may pass. */
function startFailure(error: unknown): PlaybackFailure {
  if (error instanceof HttpErrorResponse) {
    const final = error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
    return { message: errorMessage(error, 'This title could not be started.'), retryable: !final };
  }
  const shakaError = error as Partial<ShakaError> | null;
  if (shakaError?.category !== undefined) return { message: playbackErrorMessage(shakaError), retryable: true };
  return { message: 'This title could not be started.', retryable: true };
}

@Component({
  selector: 'app-player-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UpNextCard, StillWatchingDialog, MoreToWatch],
  templateUrl: './player-page.html',
  styleUrl: './player-page.scss',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class PlayerPage {
  /** The title id, from the route. */
  readonly id = input.required<string>();
  /** The episode of a series, from `?episode=`; without it, the one to resume. */
  readonly episode = input<string | undefined>();

  private readonly api = inject(Api);
  private readonly library = inject(ViewerLibrary);
  private readonly episodes = inject(EpisodeFinder);
  private readonly viewer = inject(SessionStore);
  private readonly outbox = inject(HeartbeatOutbox);
  private readonly shakaLoader = inject(ShakaLoader);
  private readonly prefetch = inject(PlaybackPrefetch);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');

  protected readonly name = signal<string | null>(null);
  /** "S1:E4 · The Long Night" while an episode plays. */
  protected readonly episodeHeading = signal<string | null>(null);
  /** What the up-next card and "Are you still watching?" offer. */
  protected readonly nextHeading = signal<string | null>(null);
  protected readonly failure = signal<PlaybackFailure | null>(null);
  protected readonly loading = signal(true);
  protected readonly binge = new BingeSession();
  /** One of Shaka's settings menus is open: it sits where the skip button and the up-next card do. */
  protected readonly settingsMenuOpen = signal(false);
  private menuWatcher?: MutationObserver;
  protected readonly picks = signal<TitleSummaryDto[]>([]);
  protected readonly countFrom = UP_NEXT_COUNTDOWN_SECONDS;
  protected readonly skipLabel = skipLabel;
  /** Said once to screen readers when the next episode is offered (the card's count is not read out). */
  protected readonly announcement = computed(() => {
    const heading = this.nextHeading();
    if (this.binge.upNext().phase !== 'offered' || !heading) return '';
    return `Next episode: ${heading}.`;
  });

  private readonly requested = computed<Requested>(() => ({ titleId: this.id(), episodeId: this.episode() ?? null }), { equal: sameRequest });
  private programme: Programme | null = null;
  private next: { titleId: string; episodeId: string } | null = null;
  /** The next programme is being started by autoplay, not by the viewer. */
  private startingAutomatically = false;

  private shaka?: Shaka;
  private player?: ShakaPlayer;
  private overlay?: ShakaOverlay;
  private scheduler?: HeartbeatScheduler;
  private scheduledFor: Programme | null = null;
  private readonly renewal = new StreamLinkRenewal(
    () => this.requestStream(),
    () => this.fail({ message: LINK_LOST, retryable: true }),
  );
  /** Where the film was when playback failed: Retry resumes there. */
  private failedAt: number | undefined;
  private destroyed = false;

  constructor() {
    // The first programme once the view exists; then each one the route asks for (autoplay and Play
    // now change only the query), in the same player, without reloading the page.
    afterRenderEffect(() => {
      const requested = this.requested();
      untracked(() => void this.open(requested));
    });
    effect(() => {
      if (this.binge.finished()) untracked(() => void this.offerPicks());
    });
    const onViewerInput = () => this.binge.viewerInput();
    for (const type of VIEWER_INPUT_EVENTS) this.document.addEventListener(type, onViewerInput, { capture: true, passive: true });
    const onPageHide = () => this.scheduler?.leave();
    const onVisibility = () => {
      if (this.document.visibilityState === 'hidden') this.scheduler?.seeked();
    };
    window.addEventListener('pagehide', onPageHide);
    this.document.addEventListener('visibilitychange', onVisibility);
    inject(DestroyRef).onDestroy(() => {
      for (const type of VIEWER_INPUT_EVENTS) this.document.removeEventListener(type, onViewerInput, { capture: true });
      window.removeEventListener('pagehide', onPageHide);
      this.document.removeEventListener('visibilitychange', onVisibility);
      this.stop();
    });
  }

  protected retry(): void {
    void this.play(this.failedAt);
  }

  /** Skip intro / Skip recap: lands at the marker's end, just past it. */
  protected skip(marker: SkippableMarker): void {
    this.video().nativeElement.currentTime = marker.end;
  }

  /** Play now, or Continue after "Are you still watching?". */
  protected playNext(automatically = false): void {
    const next = this.next;
    if (!next) return;
    // Where this episode stopped is saved now, before the router and the next stream move the video.
    this.scheduler?.leave();
    this.startingAutomatically = automatically;
    // The player stays: only the query changes, and the back button still leads to the title page.
    void this.router.navigate(['/play', next.titleId], { queryParams: { episode: next.episodeId }, replaceUrl: true });
  }

  protected cancelNext(): void {
    this.binge.cancel();
  }

  /**
   * Starts what the route asks for. A series without an episode plays the one to resume (or S1:E1):
   * the URL is made to say which, and that navigation opens it.
   */
  private async open(requested: Requested): Promise<void> {
    if (this.destroyed || sameRequest(requested, this.programme)) return;
    const automatically = this.startingAutomatically;
    this.startingAutomatically = false;
    // The outgoing programme's last position is saved before anything of the new one is asked for.
    this.scheduler?.leave();
    const programme: Programme = { ...requested, duration: 0 };
    this.programme = programme;
    this.next = null;
    this.failedAt = undefined;
    this.episodeHeading.set(null);
    this.nextHeading.set(null);
    this.picks.set([]);
    // An unknown title is the API's to refuse, in words, when playback starts.
    const title = await this.library.title(requested.titleId).catch(() => null);
    if (programme !== this.programme) return;
    if (title) this.name.set(title.name);
    if (title?.kind === 'series' && requested.episodeId === null) {
      const toPlay = await this.episodes.toPlay(title).catch(() => null);
      if (toPlay && programme === this.programme) {
        void this.router.navigate(['/play', title.id], { queryParams: { episode: toPlay.episode.id }, replaceUrl: true });
        return;
      }
    }
    if (title?.kind === 'series' && requested.episodeId) {
      this.episodes.find(title, requested.episodeId).then((episode) => {
        if (episode && programme === this.programme) this.episodeHeading.set(episodeHeading(episode));
      }, () => undefined);
    }
    await this.play(undefined, automatically);
  }

  protected onKey(event: KeyboardEvent): void {
    const command = playerCommandFor(event);
    if (!command || (command !== 'escape' && (!this.player || this.loading() || this.failure()))) return;
    // Esc closes an open settings menu first: that is Shaka's to do.
    if (command === 'escape' && this.overlay?.getControls()?.anySettingsMenusAreOpen()) return;
    event.preventDefault();
    this.run(command);
  }

  /** Loads the stream (again, after a failure) and plays from `position`, or where the viewer left off. */
  private async play(position?: number, automatically = false): Promise<void> {
    const programme = this.programme;
    if (!programme) return;
    this.failure.set(null);
    this.loading.set(true);
    try {
      const [shaka, session] = await Promise.all([this.shakaLoader.load(), this.requestStream()]);
      if (this.destroyed || programme !== this.programme) return;
      if (!shaka.Player.isBrowserSupported()) {
        this.fail({ message: 'This browser cannot play adaptive video.', retryable: false });
        return;
      }
      const player = this.player ?? (await this.createPlayer(shaka));
      if (this.destroyed) return;
      const choices = ViewerChoices.of(player);
      this.renewal.begin(session);
      this.watchProgramme(programme);
      await player.load(session.hlsUrl, position ?? (session.resumePosition || undefined));
      if (this.destroyed || programme !== this.programme) return;
      if (session.thumbnails) this.addThumbnails(player, session.thumbnails);
      choices.restoreTo(player);
      this.next = session.next;
      this.describeNext(session.next);
      this.binge.begin({
        markers: session.markers,
        duration: session.duration,
        hasNext: this.next !== null,
        autoplay: this.viewer.profile()?.autoplayNext ?? true,
        startedAutomatically: automatically,
      });
      this.loading.set(false);
      await this.video().nativeElement.play()?.catch(() => undefined);
    } catch (error) {
      if (!this.destroyed) this.fail(startFailure(error));
    }
  }

  /**
   * Trickplay: Shaka's seek bar shows the frame under the pointer, and while dragging, from the
   * stream's WebVTT sprite index. A missing index costs the pictures, never playback.
   */
  private addThumbnails(player: ShakaPlayer, url: string): void {
    player.addThumbnailsTrack(url, 'text/vtt').catch((error: Partial<ShakaError>) => {
      console.warn(`Seek-bar thumbnails unavailable (error ${error?.code ?? 'unknown'})`);
    });
  }

  /** A signed link for the programme playing now (at start, and for each renewal). */
  private async requestStream(): Promise<PlaybackSessionDto> {
    const programme = this.programme;
    if (!programme) throw new Error('Nothing to play');
    const { titleId, episodeId } = programme;
    // The link the title page fetched ahead, when it was for this very programme (used once).
    const preparedUrl = this.prefetch.take(titleId, episodeId ?? undefined);
    const session = await this.api.invoke(startPlayback, { body: { titleId, ...(episodeId ? { episodeId } : {}), ...(preparedUrl ? { preparedUrl } : {}) } });
    // A renewal asked for before the next episode started must not hand its link to that episode.
    if (programme !== this.programme) throw new Error(`The link for ${episodeId ?? titleId} came after it stopped playing`);
    programme.duration = session.duration;
    return session;
  }

  /** The up-next card and "Are you still watching?" name the next episode. */
  private describeNext(next: { titleId: string; episodeId: string } | null): void {
    if (!next) return;
    this.library
      .title(next.titleId)
      .then((title) => this.episodes.find(title, next.episodeId))
      .then(
        (episode) => {
          if (episode && this.next === next) this.nextHeading.set(episodeHeading(episode));
        },
        () => undefined,
      );
  }

  /** After a film, or the last episode: three titles like it, for this viewer. */
  private async offerPicks(): Promise<void> {
    const programme = this.programme;
    if (!programme) return;
    try {
      const similar = await this.library.similarTo(programme.titleId);
      if (programme === this.programme && this.binge.finished()) this.picks.set(similar.items.slice(0, PICKS_AFTER_THE_END));
    } catch {
      // Nothing to offer: the Back link stays.
    }
  }

  private async createPlayer(shaka: Shaka): Promise<ShakaPlayer> {
    const video = this.video().nativeElement;
    const player = new shaka.Player();
    this.shaka = shaka;
    this.player = player;
    player.configure({
      streaming: { retryParameters: RETRY_PARAMETERS },
      manifest: { retryParameters: RETRY_PARAMETERS },
    });
    const engine = player.getNetworkingEngine();
    if (engine) renewLinksInShaka(engine, this.renewal);
    player.addEventListener('error', (event) => this.onPlayerError((event as Event & { detail: ShakaError }).detail));
    await player.attach(video);
    this.overlay = new shaka.ui.Overlay(player, this.container().nativeElement, video);
    this.overlay.configure({
      overflowMenuButtons: ['quality', 'captions', 'language', 'playback_rate', 'picture_in_picture'],
      seekBarColors: { played: '#e5383b' },
      // The page handles the keyboard itself (see onKey), the same in and out of full screen.
      enableKeyboardPlaybackControls: false,
    });
    this.watchSettingsMenus(this.overlay);
    this.watch(video);
    return player;
  }

  /** Shaka shows and hides its menus by class; the viewer who opened one gets it uncovered. */
  private watchSettingsMenus(overlay: ShakaOverlay): void {
    const controls = overlay.getControls();
    if (!controls) return;
    this.menuWatcher = new MutationObserver(() => this.settingsMenuOpen.set(controls.anySettingsMenusAreOpen()));
    this.menuWatcher.observe(this.container().nativeElement, { subtree: true, attributes: true, attributeFilter: ['class'] });
  }

  /** Only an error Shaka marks critical ends playback; it has already retried or worked around the rest. */
  private onPlayerError(error: ShakaError): void {
    if (error.severity !== this.shaka?.util.Error.Severity.CRITICAL) {
      console.warn(`Playback recovered from error ${error.code} (category ${error.category})`);
      return;
    }
    this.fail({ message: playbackErrorMessage(error), retryable: true });
  }

  private watch(video: HTMLVideoElement): void {
    video.addEventListener('playing', () => this.scheduler?.playing());
    // The end of the film also pauses; either way the position is worth saving.
    video.addEventListener('pause', () => this.scheduler?.paused());
    video.addEventListener('seeked', () => {
      this.scheduler?.seeked();
      this.progressed(video);
    });
    video.addEventListener('timeupdate', () => this.progressed(video));
    video.addEventListener('ended', () => this.progressed(video));
  }

  /** Heartbeats for this programme, until the next one starts or the viewer leaves. */
  private watchProgramme(programme: Programme): void {
    if (this.scheduler && this.scheduledFor === programme) return;
    this.scheduler?.leave();
    const video = this.video().nativeElement;
    this.scheduledFor = programme;
    // While a stream loads the position is not the viewer's: nothing to save.
    this.scheduler = new HeartbeatScheduler(
      () => (this.loading() ? Number.NaN : video.currentTime),
      (position, reason) => this.beat(programme, position, reason === 'leave'),
    );
  }

  private beat(programme: Programme, position: number, leaving: boolean): void {
    const { titleId, episodeId, duration } = programme;
    this.outbox.send({ titleId, ...(episodeId ? { episodeId } : {}), position: duration ? Math.min(position, duration) : position, ...(duration ? { duration } : {}) }, leaving);
  }

  /** Playback moved: the skip button, the up-next card, and moving on when it is time. */
  private progressed(video: HTMLVideoElement): void {
    if (this.loading() || this.failure()) return;
    const action = this.binge.at(video.currentTime, video.ended);
    if (action === 'play-next') this.playNext(true);
    // Nobody may be there: wait for an answer rather than play on.
    if (action === 'ask' && !video.paused) video.pause();
  }

  private run(command: PlayerCommand): void {
    const video = this.video().nativeElement;
    switch (command) {
      case 'toggle-play':
        if (video.paused) void video.play()?.catch(() => undefined);
        else video.pause();
        break;
      case 'toggle-mute':
        video.muted = !video.muted;
        break;
      case 'toggle-fullscreen':
        void this.overlay?.getControls()?.toggleFullScreen();
        break;
      case 'seek-back':
      case 'seek-forward': {
        const step = command === 'seek-back' ? -KEY_SEEK_SECONDS : KEY_SEEK_SECONDS;
        const end = Number.isFinite(video.duration) ? video.duration : Infinity;
        video.currentTime = Math.min(Math.max(video.currentTime + step, 0), end);
        break;
      }
      case 'escape':
        if (this.document.fullscreenElement) void this.document.exitFullscreen();
        else void this.router.navigate(['/title', this.programme?.titleId ?? this.id()]);
        break;
    }
  }

  private fail(failure: PlaybackFailure): void {
    if (this.destroyed || this.failure()) return;
    const video = this.video().nativeElement;
    if (this.player && !this.loading()) this.failedAt = video.currentTime;
    this.renewal.stop();
    this.loading.set(false);
    this.failure.set(failure);
    if (!video.paused) video.pause();
  }

  private stop(): void {
    this.destroyed = true;
    this.renewal.stop();
    this.scheduler?.leave();
    this.menuWatcher?.disconnect();
    void this.overlay?.destroy();
    void this.player?.destroy();
  }
}
