import type { StreamMarkerDto } from '@streaming/api';
import { skipLabel, skippableMarkerAt } from './skip-marker';

const recap: StreamMarkerDto = { type: 'recap', start: 0, end: 4.5 };
const intro: StreamMarkerDto = { type: 'intro', start: 4.5, end: 12 };
const credits: StreamMarkerDto = { type: 'credits', start: 30, end: 36 };
const markers = [recap, intro, credits];

describe('skippableMarkerAt', () => {
  it('offers the intro from its first moment up to, not including, its end', () => {
    expect(skippableMarkerAt(markers, 4.5)).toBe(intro);
    expect(skippableMarkerAt(markers, 11.99)).toBe(intro);
    expect(skippableMarkerAt(markers, 12)).toBeNull();
  });

  it('offers the recap, and the intro that follows it once the recap is skipped to its end', () => {
    expect(skippableMarkerAt(markers, 0)).toBe(recap);
    expect(skippableMarkerAt(markers, recap.end)).toBe(intro);
  });

  it('never offers to skip the credits: the up-next card has them', () => {
    expect(skippableMarkerAt(markers, 31)).toBeNull();
  });

  it('offers nothing between markers, without markers, or before the position is known', () => {
    expect(skippableMarkerAt(markers, 20)).toBeNull();
    expect(skippableMarkerAt([], 5)).toBeNull();
    expect(skippableMarkerAt(markers, Number.NaN)).toBeNull();
  });
});

describe('skipLabel', () => {
  it('names what is skipped', () => {
    expect(skipLabel({ type: 'intro', start: 1, end: 2 })).toBe('Skip intro');
    expect(skipLabel({ type: 'recap', start: 1, end: 2 })).toBe('Skip recap');
  });
});
