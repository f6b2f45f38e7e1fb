import { HeartbeatReason, HeartbeatScheduler, Timer } from './heartbeat-scheduler';

class FakeTimer implements Timer {
  callback: (() => void) | null = null;
  setInterval(callback: () => void, ms: number): unknown {
    expect(ms).toBe(10_000);
    this.callback = callback;
    return 1;
  }
  clearInterval(): void {
    this.callback = null;
  }
  tick(): void {
    this.callback?.();
  }
}

describe('HeartbeatScheduler', () => {
  let position: number;
  let sent: [number, HeartbeatReason][];
  let timer: FakeTimer;
  let scheduler: HeartbeatScheduler;

  beforeEach(() => {
    position = 0;
    sent = [];
    timer = new FakeTimer();
    scheduler = new HeartbeatScheduler(() => position, (at, reason) => sent.push([at, reason]), timer);
  });

  it('beats every 10 s while playing, with the current position', () => {
    scheduler.playing();
    position = 10;
    timer.tick();
    position = 20;
    timer.tick();
    expect(sent).toEqual([
      [10, 'interval'],
      [20, 'interval'],
    ]);
  });

  it('starts one interval however often "playing" fires', () => {
    scheduler.playing();
    scheduler.playing();
    position = 5;
    timer.tick();
    expect(sent).toHaveLength(1);
  });

  it('beats at once on pause and stops the interval until playing again', () => {
    scheduler.playing();
    position = 7;
    scheduler.paused();
    expect(sent).toEqual([[7, 'pause']]);
    expect(timer.callback).toBeNull();
    scheduler.playing();
    expect(timer.callback).not.toBeNull();
  });

  it('beats at once on seek', () => {
    position = 33;
    scheduler.seeked();
    expect(sent).toEqual([[33, 'seek']]);
  });

  it('sends a last beat on leave, then nothing more', () => {
    scheduler.playing();
    position = 12;
    scheduler.leave();
    scheduler.leave();
    position = 14;
    scheduler.seeked();
    scheduler.playing();
    timer.tick();
    expect(sent).toEqual([[12, 'leave']]);
  });

  it('never repeats the same position twice in a row, nor sends nonsense', () => {
    position = 9;
    scheduler.paused();
    scheduler.paused();
    position = Number.NaN;
    scheduler.seeked();
    expect(sent).toEqual([[9, 'pause']]);
  });
});
