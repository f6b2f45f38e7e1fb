import { HttpContext, HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, effect, inject, Injectable } from '@angular/core';
import { Api, HeartbeatDto, sendHeartbeat } from '@streaming/api';
import { KEEPALIVE } from '../../core/http/keepalive.interceptor';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { SessionStore } from '../../core/session/session.store';

/** A heartbeat that failed is sent again after 2 s, 4 s, 8 s… at most a minute apart, and at once when the browser is back online. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/** Heartbeats are kept and ordered per programme: a film, or one episode of a series. */
function programmeOf(heartbeat: HeartbeatDto): string {
  return heartbeat.episodeId ? `${heartbeat.titleId}/${heartbeat.episodeId}` : heartbeat.titleId;
}

/** Failures another try may cure: no connection, a timeout, throttling, a server error. */
function worthRetrying(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Delivers the player's heartbeats so that no progress is lost and none goes backwards: per programme (a film, or an episode) it
 * keeps only the newest heartbeat the server has not acknowledged, sends one at a time (so the
 * server receives them in order) and sends a failed one again until it lands or a newer one replaces
 * it. An older heartbeat is never sent after a newer one. App-wide, so a heartbeat that failed while
 * the viewer was offline still lands after they have left the player.
 */
@Injectable({ providedIn: 'root' })
export class HeartbeatOutbox {
  private readonly api = inject(Api);
  private readonly library = inject(ViewerLibrary);
  private readonly session = inject(SessionStore);
  /** The newest heartbeat per programme that the server has not acknowledged. */
  private readonly unsent = new Map<string, HeartbeatDto>();
  /** The heartbeat on its way per programme. */
  private readonly sending = new Map<string, HeartbeatDto>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelayMs = RETRY_FIRST_MS;

  constructor() {
    const onOnline = () => this.retryNow();
    window.addEventListener('online', onOnline);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('online', onOnline);
      clearTimeout(this.retryTimer);
    });
    // Another viewer signing in here, or another profile chosen, must never send the last one's progress.
    const viewerId = computed(() => `${this.session.user()?.id ?? ''}/${this.session.profile()?.id ?? ''}`);
    effect(() => {
      viewerId();
      this.unsent.clear();
    });
  }

  /**
   * Sends a heartbeat now, or as soon as the one on its way for the same programme has answered. When the
   * viewer is leaving the page may be closing: the heartbeat goes at once, with `keepalive`, so the
   * request outlives the page.
   */
  send(heartbeat: HeartbeatDto, leaving = false): void {
    const programme = programmeOf(heartbeat);
    this.unsent.set(programme, heartbeat);
    if (leaving) void this.post(heartbeat, true);
    else this.flush(programme);
  }

  private flush(programme: string): void {
    const heartbeat = this.unsent.get(programme);
    if (heartbeat && !this.sending.has(programme)) void this.post(heartbeat, false);
  }

  private async post(heartbeat: HeartbeatDto, keepalive: boolean): Promise<void> {
    const programme = programmeOf(heartbeat);
    this.sending.set(programme, heartbeat);
    let retry = false;
    try {
      await this.api.invoke(sendHeartbeat, { body: heartbeat }, keepalive ? new HttpContext().set(KEEPALIVE, true) : undefined);
      if (this.unsent.get(programme) === heartbeat) this.unsent.delete(programme);
      this.retryDelayMs = RETRY_FIRST_MS;
      this.library.progressChanged();
    } catch (error) {
      retry = worthRetrying(error);
      // Only the newest is worth keeping; one the server refused outright would be refused again.
      if (!retry && this.unsent.get(programme) === heartbeat) this.unsent.delete(programme);
    } finally {
      if (this.sending.get(programme) === heartbeat) this.sending.delete(programme);
    }
    const next = this.unsent.get(programme);
    if (!next) return;
    // A newer heartbeat came while this one was on its way: its turn now. The same one failed: later.
    if (next !== heartbeat) this.flush(programme);
    else if (retry) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retryDelayMs = Math.min(RETRY_MAX_MS, this.retryDelayMs * 2);
      this.flushAll();
    }, this.retryDelayMs);
  }

  private retryNow(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.flushAll();
  }

  private flushAll(): void {
    for (const programme of [...this.unsent.keys()]) this.flush(programme);
  }
}
