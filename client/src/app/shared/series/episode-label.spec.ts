import { episodeCode, episodeHeading, seasonsLabel } from './episode-label';

describe('episode labels', () => {
  it('codes an episode by season and number', () => {
    expect(episodeCode({ season: 1, number: 4 })).toBe('S1:E4');
    expect(episodeCode({ season: 12, number: 10 })).toBe('S12:E10');
  });

  it('heads an episode with its code and name', () => {
    expect(episodeHeading({ season: 2, number: 1, name: 'Landfall' })).toBe('S2:E1 · Landfall');
  });

  it('counts seasons in words', () => {
    expect(seasonsLabel(1)).toBe('1 season');
    expect(seasonsLabel(3)).toBe('3 seasons');
  });
});
