export const HEARTBEAT_INTERVAL_MS = 10_000;

export interface Timer {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export type HeartbeatReason = 'interval' | 'pause' | 'seek' | 'leave';

/**
 * When to tell the server where the viewer is: every 10 s while playing, and at once on pause, seek
 * and leaving. It never repeats the same position twice in a row. Knows nothing of HTTP or the player.
 */
export class HeartbeatScheduler {
  private handle: unknown = null;
  private lastSent: number | null = null;
  private stopped = false;

  constructor(
    private readonly position: () => number,
    private readonly send: (position: number, reason: HeartbeatReason) => void,
    private readonly timer: Timer = { setInterval: (callback, ms) => setInterval(callback, ms), clearInterval: (handle) => clearInterval(handle as number) },
    private readonly intervalMs = HEARTBEAT_INTERVAL_MS,
  ) {}

  playing(): void {
    if (this.stopped || this.handle !== null) return;
    this.handle = this.timer.setInterval(() => this.beat('interval'), this.intervalMs);
  }

  paused(): void {
    this.stopInterval();
    this.beat('pause');
  }

  seeked(): void {
    this.beat('seek');
  }

  /** The viewer leaves (route change, tab closed or hidden): one last beat, then silence. */
  leave(): void {
    if (this.stopped) return;
    this.stopInterval();
    this.beat('leave');
    this.stopped = true;
  }

  private beat(reason: HeartbeatReason): void {
    if (this.stopped) return;
    const position = this.position();
    if (!Number.isFinite(position) || position < 0 || position === this.lastSent) return;
    this.lastSent = position;
    this.send(position, reason);
  }

  private stopInterval(): void {
    if (this.handle !== null) this.timer.clearInterval(this.handle);
    this.handle = null;
  }
}
