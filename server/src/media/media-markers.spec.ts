import { checkMarkers } from './media-markers';

describe('checkMarkers', () => {
  it('takes well-formed markers, sorted by start, fractions allowed', () => {
    const credits = { type: 'credits', start: 30.5, end: 36 };
    const intro = { type: 'intro', start: 0, end: 4.25 };
    expect(checkMarkers([credits, intro], 36)).toEqual({ markers: [intro, credits], refused: [] });
  });

  it('has none when the field is absent', () => {
    expect(checkMarkers(undefined, 36)).toEqual({ markers: [], refused: [] });
  });

  it('leaves out each bad marker with its reason and keeps the others', () => {
    const recap = { type: 'recap', start: 1, end: 5 };
    const { markers, refused } = checkMarkers(
      [
        recap,
        { type: 'outro', start: 6, end: 8 },
        { type: 'intro', start: '6', end: 8 },
        { type: 'intro', start: 9, end: 9 },
        { type: 'credits', start: 30, end: 37 },
        { type: 'intro', start: -1, end: 2 },
        null,
        { type: 'intro', start: 4, end: 10 },
      ],
      36,
    );
    expect(markers).toEqual([recap]);
    expect(refused).toEqual([
      'marker 1: type must be one of intro, recap, credits',
      'marker 2: start and end must be numbers of seconds',
      'marker 3: needs 0 <= start < end <= 36',
      'marker 4: needs 0 <= start < end <= 36',
      'marker 5: needs 0 <= start < end <= 36',
      'marker 6: type must be one of intro, recap, credits',
      'intro 4-10 overlaps recap 1-5',
    ]);
  });

  it('refuses a field that is not a list', () => {
    expect(checkMarkers({ type: 'intro' }, 36)).toEqual({ markers: [], refused: ['markers is not a list'] });
  });
});
