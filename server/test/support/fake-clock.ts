import { Clock } from '../../src/common/clock/clock';

/** A clock that only moves when a test says so. */
export class FakeClock extends Clock {
  private current = Date.parse('2026-01-01T00:00:00Z');

  now(): number {
    return this.current;
  }

  advance(seconds: number): void {
    this.current += seconds * 1000;
  }
}
