import { TrendingWindow } from './trending-window';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.parse('2026-01-01T00:00:00Z');

function ids(window: TrendingWindow, at: number, limit = 10): string[] {
  return window.top(limit, at).map((entry) => entry.titleId);
}

describe('TrendingWindow', () => {
  let window: TrendingWindow;

  beforeEach(() => {
    window = new TrendingWindow({ bucketMs: HOUR, bucketCount: 7 * 24 + 1, rankedSize: 50 });
  });

  it('ranks titles by distinct viewers, ties by id, and counts a replaying viewer once', () => {
    for (const viewer of ['a', 'b', 'c']) window.record(viewer, 'tt1005', START);
    for (const viewer of ['a', 'b']) window.record(viewer, 'tt1002', START);
    for (let replay = 0; replay < 10; replay++) window.record('a', 'tt1001', START + replay * HOUR);
    window.record('b', 'tt1001', START);
    window.record('d', 'tt1010', START);
    window.record('d', 'tt1003', START);
    expect(window.top(10, START + 10 * HOUR)).toEqual([
      { titleId: 'tt1005', viewers: 3 },
      { titleId: 'tt1001', viewers: 2 },
      { titleId: 'tt1002', viewers: 2 },
      { titleId: 'tt1003', viewers: 1 },
      { titleId: 'tt1010', viewers: 1 },
    ]);
    expect(ids(window, START + 10 * HOUR, 2)).toEqual(['tt1005', 'tt1001']);
  });

  it('keeps plays younger than 7 days and forgets older ones', () => {
    window.record('a', 'tt1001', START);
    window.record('b', 'tt1002', START + 2 * DAY);
    expect(ids(window, START + 7 * DAY - 1)).toEqual(['tt1001', 'tt1002']);
    expect(ids(window, START + 7 * DAY + HOUR)).toEqual(['tt1002']);
    expect(ids(window, START + 9 * DAY + HOUR)).toEqual([]);
  });

  it('keeps a viewer counted while they keep playing, from their latest play', () => {
    window.record('a', 'tt1001', START);
    window.record('b', 'tt1001', START);
    window.record('a', 'tt1001', START + 5 * DAY);
    expect(window.top(1, START + 8 * DAY)).toEqual([{ titleId: 'tt1001', viewers: 1 }]);
    expect(window.top(1, START + 12 * DAY + HOUR)).toEqual([]);
  });

  it('re-ranks after plays expire, letting titles outside the ranked few back in', () => {
    const small = new TrendingWindow({ bucketMs: HOUR, bucketCount: 24, rankedSize: 2 });
    for (const viewer of ['a', 'b', 'c']) small.record(viewer, 'tt1001', START);
    for (const viewer of ['a', 'b']) small.record(viewer, 'tt1002', START + 12 * HOUR);
    small.record('a', 'tt1003', START + 12 * HOUR);
    expect(small.top(5, START + 12 * HOUR).map((entry) => entry.titleId)).toEqual(['tt1001', 'tt1002']);
    small.record('b', 'tt1003', START + 13 * HOUR);
    small.record('c', 'tt1003', START + 13 * HOUR);
    expect(small.top(5, START + 13 * HOUR).map((entry) => entry.titleId)).toEqual(['tt1001', 'tt1003']);
    expect(small.top(5, START + 25 * HOUR)).toEqual([
      { titleId: 'tt1003', viewers: 3 },
      { titleId: 'tt1002', viewers: 2 },
    ]);
  });

  it('treats a play reported late as a play now', () => {
    window.record('a', 'tt1001', START + 3 * DAY);
    window.record('b', 'tt1001', START);
    expect(window.top(1, START + 9 * DAY)).toEqual([{ titleId: 'tt1001', viewers: 2 }]);
  });

  it('survives a jump far past the window', () => {
    window.record('a', 'tt1001', START);
    expect(ids(window, START + 400 * DAY)).toEqual([]);
    window.record('a', 'tt1002', START + 400 * DAY);
    expect(ids(window, START + 400 * DAY)).toEqual(['tt1002']);
  });
});
