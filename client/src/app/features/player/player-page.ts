import { HttpErrorResponse } from '@angular/common/http';
import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, DOCUMENT, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { Api, PlaybackSessionDto, startPlayback } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { ViewerLibrary } from '../../core/library/viewer-library';
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
  imports: [RouterLink],
  templateUrl: './player-page.html',
  styleUrl: './player-page.scss',
  host: { '(document:keydown)': 'onKey($event)' },
})
export class PlayerPage {
  /** The title id, from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(Api);
  private readonly library = inject(ViewerLibrary);
  private readonly outbox = inject(HeartbeatOutbox);
  private readonly shakaLoader = inject(ShakaLoader);
  private readonly prefetch = inject(PlaybackPrefetch);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');

  protected readonly name = signal<string | null>(null);
  protected readonly failure = signal<PlaybackFailure | null>(null);
  protected readonly loading = signal(true);

  private shaka?: Shaka;
  private player?: ShakaPlayer;
  private overlay?: ShakaOverlay;
  private scheduler?: HeartbeatScheduler;
  private readonly renewal = new StreamLinkRenewal(
    () => this.requestStream(),
    () => this.fail({ message: LINK_LOST, retryable: true }),
  );
  private duration = 0;
  /** Where the film was when playback failed: Retry resumes there. */
  private failedAt: number | undefined;
  private destroyed = false;

  constructor() {
    afterNextRender(() => {
      this.library.title(this.id()).then((title) => this.name.set(title.name), () => undefined);
      void this.play();
    });
    const onPageHide = () => this.scheduler?.leave();
    const onVisibility = () => {
      if (this.document.visibilityState === 'hidden') this.scheduler?.seeked();
    };
    window.addEventListener('pagehide', onPageHide);
    this.document.addEventListener('visibilitychange', onVisibility);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('pagehide', onPageHide);
      this.document.removeEventListener('visibilitychange', onVisibility);
      this.stop();
    });
  }

  protected retry(): void {
    void this.play(this.failedAt);
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
  private async play(position?: number): Promise<void> {
    this.failure.set(null);
    this.loading.set(true);
    try {
      const [shaka, session] = await Promise.all([this.shakaLoader.load(), this.requestStream()]);
      if (this.destroyed) return;
      if (!shaka.Player.isBrowserSupported()) {
        this.fail({ message: 'This browser cannot play adaptive video.', retryable: false });
        return;
      }
      const player = this.player ?? (await this.createPlayer(shaka));
      if (this.destroyed) return;
      const choices = ViewerChoices.of(player);
      this.renewal.begin(session);
      await player.load(session.hlsUrl, position ?? (session.resumePosition || undefined));
      if (this.destroyed) return;
      if (session.thumbnails) this.addThumbnails(player, session.thumbnails);
      choices.restoreTo(player);
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

  private requestStream(): Promise<PlaybackSessionDto> {
    const preparedUrl = this.prefetch.take(this.id());
    return this.api.invoke(startPlayback, { body: { titleId: this.id(), ...(preparedUrl ? { preparedUrl } : {}) } }).then((session) => {
      this.duration = session.duration;
      return session;
    });
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
    this.watch(video);
    return player;
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
    // While a stream loads the position is not the viewer's: nothing to save.
    this.scheduler = new HeartbeatScheduler(
      () => (this.loading() ? Number.NaN : video.currentTime),
      (position, reason) => this.beat(position, reason === 'leave'),
    );
    video.addEventListener('playing', () => this.scheduler?.playing());
    // The end of the film also pauses; either way the position is worth saving.
    video.addEventListener('pause', () => this.scheduler?.paused());
    video.addEventListener('seeked', () => this.scheduler?.seeked());
  }

  private beat(position: number, leaving: boolean): void {
    const duration = this.duration;
    this.outbox.send({ titleId: this.id(), position: duration ? Math.min(position, duration) : position, ...(duration ? { duration } : {}) }, leaving);
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
        else void this.router.navigate(['/title', this.id()]);
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
    void this.overlay?.destroy();
    void this.player?.destroy();
  }
}
