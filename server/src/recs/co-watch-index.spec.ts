import { CoWatchIndex } from './co-watch-index';

function neighbourIds(index: CoWatchIndex, titleId: string, limit = 10): string[] {
  return index.neighboursOf(titleId, limit).map((neighbour) => neighbour.titleId);
}

describe('CoWatchIndex', () => {
  it('links titles the same viewer watched, both ways, never a title to itself', () => {
    const index = new CoWatchIndex({ windowSize: 10, maxNeighbours: 10, maxViewers: 1000 });
    index.record('a', 'tt1001', 'play');
    index.record('a', 'tt1002', 'play');
    index.record('a', 'tt1001', 'play');
    expect(index.neighboursOf('tt1001', 10)).toEqual([{ titleId: 'tt1002', score: 1 }]);
    expect(neighbourIds(index, 'tt1002')).toEqual(['tt1001']);
    expect(neighbourIds(index, 'tt1003')).toEqual([]);
  });

  it('scores by cosine: titles watched by the same viewers beat titles everyone watches', () => {
    const index = new CoWatchIndex({ windowSize: 10, maxNeighbours: 10, maxViewers: 1000 });
    for (const viewer of ['a', 'b']) {
      index.record(viewer, 'tt1001', 'play');
      index.record(viewer, 'tt1002', 'play');
    }
    index.record('a', 'tt1003', 'play');
    for (const viewer of ['c', 'd', 'e', 'f']) index.record(viewer, 'tt1003', 'play');
    const neighbours = index.neighboursOf('tt1001', 10);
    expect(neighbours.map((n) => n.titleId)).toEqual(['tt1002', 'tt1003']);
    expect(neighbours[0].score).toBeCloseTo(1);
    expect(neighbours[1].score).toBeCloseTo(1 / Math.sqrt(2 * 5));
  });

  it('weighs a pair finished together more than a pair only started together', () => {
    const index = new CoWatchIndex({ windowSize: 10, maxNeighbours: 10, maxViewers: 1000 });
    index.record('a', 'tt1001', 'play');
    index.record('a', 'tt1002', 'play');
    index.record('b', 'tt1001', 'play');
    index.record('b', 'tt1003', 'play');
    expect(index.neighboursOf('tt1001', 10).map((n) => n.score)).toEqual([1 / Math.sqrt(2), 1 / Math.sqrt(2)]);
    index.record('a', 'tt1001', 'complete');
    index.record('a', 'tt1002', 'complete');
    index.record('a', 'tt1002', 'complete');
    const [first, second] = index.neighboursOf('tt1001', 10);
    expect(first.titleId).toBe('tt1002');
    expect(first.score).toBeCloseTo(4 / Math.sqrt(5 * 4));
    expect(second.score).toBeCloseTo(1 / Math.sqrt(5 * 1));
  });

  it('pairs a play only with the viewer’s recent window', () => {
    const index = new CoWatchIndex({ windowSize: 2, maxNeighbours: 10, maxViewers: 1000 });
    for (const titleId of ['tt1001', 'tt1002', 'tt1003', 'tt1004']) index.record('a', titleId, 'play');
    expect(neighbourIds(index, 'tt1004')).toEqual(['tt1002', 'tt1003']);
    expect(neighbourIds(index, 'tt1001')).toEqual(['tt1002', 'tt1003']);
  });

  it('keeps each title’s neighbours bounded, the recurring ones surviving newcomers', () => {
    const index = new CoWatchIndex({ windowSize: 10, maxNeighbours: 2, maxViewers: 1000 });
    for (const viewer of ['a', 'b', 'c']) {
      index.record(viewer, 'tt1001', 'play');
      index.record(viewer, 'tt1002', 'play');
    }
    for (const [viewer, titleId] of [['d', 'tt1003'], ['e', 'tt1004'], ['f', 'tt1005']]) {
      index.record(viewer, 'tt1001', 'play');
      index.record(viewer, titleId, 'play');
    }
    const neighbours = index.neighboursOf('tt1001', 10);
    expect(neighbours.map((n) => n.titleId)).toEqual(['tt1002', 'tt1005']);
    // The newcomer is scored on the one viewer it was seen with, not on the weight it inherited.
    expect(neighbours[1].score).toBeCloseTo(1 / Math.sqrt(6));
  });

  it('gives the same neighbours for the same events', () => {
    const build = () => {
      const index = new CoWatchIndex({ windowSize: 5, maxNeighbours: 3, maxViewers: 1000 });
      for (let event = 0; event < 200; event++) index.record(`viewer${event % 7}`, `tt${1000 + ((event * 13) % 17)}`, event % 5 === 0 ? 'complete' : 'play');
      return index;
    };
    const [first, second] = [build(), build()];
    for (let title = 1000; title < 1017; title++) expect(first.neighboursOf(`tt${title}`, 5)).toEqual(second.neighboursOf(`tt${title}`, 5));
  });
});
