import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, inject, input, signal, viewChild } from '@angular/core';
import { HttpContext } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import { Api, PlaybackSessionDto, sendHeartbeat, startPlayback } from '@streaming/api';
import { KEEPALIVE } from '../../core/http/keepalive.interceptor';
import { errorMessage } from '../../core/http/error-message';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { HeartbeatScheduler } from './heartbeat-scheduler';
import { isExpiredLink, playbackErrorMessage } from './playback-error-message';
import { Shaka, ShakaLoader } from './shaka-loader';

/** Renew the signed URL this long before it expires, so a long film never hits a dead link. */
const RENEW_BEFORE_EXPIRY_MS = 60_000;

type ShakaPlayer = InstanceType<Shaka['Player']>;
type ShakaOverlay = InstanceType<Shaka['ui']['Overlay']>;

@Component({
  selector: 'app-player-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './player-page.html',
  styleUrl: './player-page.scss',
})
export class PlayerPage {
  /** The title id, from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(Api);
  private readonly library = inject(ViewerLibrary);
  private readonly shakaLoader = inject(ShakaLoader);
  private readonly video = viewChild.required<ElementRef<HTMLVideoElement>>('video');
  private readonly container = viewChild.required<ElementRef<HTMLElement>>('container');

  protected readonly name = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly loading = signal(true);

  private player?: ShakaPlayer;
  private overlay?: ShakaOverlay;
  private scheduler?: HeartbeatScheduler;
  private renewTimer?: ReturnType<typeof setTimeout>;
  private duration = 0;
  private destroyed = false;

  constructor() {
    afterNextRender(() => void this.start());
    const onPageHide = () => this.scheduler?.leave();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') this.scheduler?.seeked();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      this.stop();
    });
  }

  private async start(): Promise<void> {
    const titleId = this.id();
    try {
      const [shaka, session] = await Promise.all([this.shakaLoader.load(), this.requestStream(titleId)]);
      this.library.title(titleId).then((title) => this.name.set(title.name), () => undefined);
      if (this.destroyed) return;
      if (!shaka.Player.isBrowserSupported()) {
        this.fail('This browser cannot play adaptive video.');
        return;
      }
      const video = this.video().nativeElement;
      this.player = new shaka.Player();
      await this.player.attach(video);
      this.overlay = new shaka.ui.Overlay(this.player, this.container().nativeElement, video);
      this.overlay.configure({
        overflowMenuButtons: ['quality', 'captions', 'language', 'playback_rate', 'picture_in_picture'],
        seekBarColors: { played: '#e5383b' },
      });
      this.player.addEventListener('error', (event) => void this.onPlayerError((event as unknown as { detail: { code?: number; category?: number; data?: unknown[] } }).detail));
      this.watch(video, titleId);
      await this.player.load(session.hlsUrl, session.resumePosition || undefined);
      this.loading.set(false);
      await video.play().catch(() => undefined);
    } catch (error) {
      const detail = error as { category?: number; code?: number };
      this.fail(detail?.category !== undefined ? playbackErrorMessage(detail) : errorMessage(error, 'This title could not be started.'));
    }
  }

  private async requestStream(titleId: string): Promise<PlaybackSessionDto> {
    const session = await this.api.invoke(startPlayback, { body: { titleId } });
    this.duration = session.duration;
    clearTimeout(this.renewTimer);
    const renewIn = Date.parse(session.expiresAt) - Date.now() - RENEW_BEFORE_EXPIRY_MS;
    this.renewTimer = setTimeout(() => void this.renew(), Math.max(renewIn, 5_000));
    return session;
  }

  /** A fresh signed URL, loaded at the current position: the viewer sees at most a brief rebuffer. */
  private async renew(): Promise<void> {
    if (this.destroyed || !this.player) return;
    const video = this.video().nativeElement;
    const position = video.currentTime;
    const wasPlaying = !video.paused;
    try {
      const session = await this.requestStream(this.id());
      await this.player.load(session.hlsUrl, position);
      if (wasPlaying) await video.play().catch(() => undefined);
    } catch (error) {
      this.fail(errorMessage(error, 'The stream could not be renewed.'));
    }
  }

  private async onPlayerError(detail: { code?: number; category?: number; data?: unknown[] }): Promise<void> {
    if (isExpiredLink(detail)) {
      await this.renew();
      return;
    }
    this.fail(playbackErrorMessage(detail));
  }

  private watch(video: HTMLVideoElement, titleId: string): void {
    this.scheduler = new HeartbeatScheduler(
      () => video.currentTime,
      (position, reason) => this.beat(titleId, position, reason === 'leave'),
    );
    video.addEventListener('playing', () => this.scheduler?.playing());
    video.addEventListener('pause', () => {
      // The end of the film also pauses; either way the position is worth saving.
      this.scheduler?.paused();
    });
    video.addEventListener('seeked', () => this.scheduler?.seeked());
  }

  private beat(titleId: string, position: number, leaving: boolean): void {
    const body = { titleId, position: Math.min(position, this.duration || position), ...(this.duration ? { duration: this.duration } : {}) };
    // Leaving: the request must outlive the page, so it is sent with keepalive.
    const context = leaving ? new HttpContext().set(KEEPALIVE, true) : undefined;
    this.api.invoke(sendHeartbeat, { body }, context).then(
      () => this.library.progressChanged(),
      () => undefined,
    );
  }

  private fail(message: string): void {
    this.loading.set(false);
    this.failure.set(message);
  }

  private stop(): void {
    this.destroyed = true;
    clearTimeout(this.renewTimer);
    this.scheduler?.leave();
    void this.overlay?.destroy();
    void this.player?.destroy();
  }
}
