import { MediaError } from './media-error.mjs';
import { bodyWindow, parseMarker, parseTime, validateMarkers } from './markers.mjs';

describe('parseTime', () => {
  it('reads seconds, m:ss and h:mm:ss, with fractions on the seconds', () => {
    expect(parseTime('0')).toBe(0);
    expect(parseTime('75')).toBe(75);
    expect(parseTime('12.25')).toBe(12.25);
    expect(parseTime('0:05')).toBe(5);
    expect(parseTime('1:02.5')).toBe(62.5);
    expect(parseTime('12:00')).toBe(720);
    expect(parseTime('1:00:00')).toBe(3600);
    expect(parseTime('0:01:15.75')).toBe(75.75);
    expect(parseTime('2:05:09')).toBe(7509);
  });

  it('refuses anything else', () => {
    for (const bad of ['', ' ', 'abc', '1:5', '1:60', '1:2:3', '0:60:00', '1:00:60', '-1', '1.', '.5', '1,5', '1:00:00:00', '5s', '1e3']) {
      expect([bad, parseTime(bad)]).toEqual([bad, null]);
    }
  });
});

describe('parseMarker', () => {
  it('reads <start>-<end> into a marker of the given type', () => {
    expect(parseMarker('intro', '0:05-0:35')).toEqual({ type: 'intro', start: 5, end: 35 });
    expect(parseMarker('credits', '1:02.5-1:10')).toEqual({ type: 'credits', start: 62.5, end: 70 });
  });

  it('refuses a malformed range, a malformed time and a start not before the end, naming the flag', () => {
    expect(() => parseMarker('intro', '0:05')).toThrow(/^--intro: expected <start>-<end>/);
    expect(() => parseMarker('intro', '0:05-0:10-0:20')).toThrow(/^--intro: expected <start>-<end>/);
    expect(() => parseMarker('recap', '0:05-x')).toThrow(/^--recap: not a time: "x"/);
    expect(() => parseMarker('recap', '1:75-2:00')).toThrow(/^--recap: not a time: "1:75"/);
    expect(() => parseMarker('credits', '30-30')).toThrow(/^--credits: the start \(30\) must come before the end \(30\)/);
    expect(() => parseMarker('credits', '0:40-0:30')).toThrow(MediaError);
  });
});

describe('validateMarkers', () => {
  it('returns them sorted by start', () => {
    const markers = validateMarkers(
      [
        { type: 'credits', start: 40, end: 45 },
        { type: 'recap', start: 0, end: 5 },
        { type: 'intro', start: 5, end: 15 },
      ],
      45,
    );
    expect(markers.map((m) => m.type)).toEqual(['recap', 'intro', 'credits']);
  });

  it('accepts markers that touch, and none at all', () => {
    expect(validateMarkers([{ type: 'recap', start: 0, end: 5 }, { type: 'intro', start: 5, end: 10 }], 10)).toHaveLength(2);
    expect(validateMarkers([], 10)).toEqual([]);
  });

  it('refuses overlaps, a type twice, an unknown type, an end past the duration, a negative start, start >= end', () => {
    const intro = { type: 'intro', start: 5, end: 15 };
    expect(() => validateMarkers([intro, { type: 'recap', start: 0, end: 6 }], 60)).toThrow(/the recap \(0-6 s\) and intro \(5-15 s\) markers overlap/);
    expect(() => validateMarkers([intro, { type: 'intro', start: 20, end: 25 }], 60)).toThrow(/the intro marker is given twice/);
    expect(() => validateMarkers([{ type: 'outro', start: 1, end: 2 }], 60)).toThrow(/unknown marker type: "outro"/);
    expect(() => validateMarkers([intro], 12)).toThrow(/intro marker ends at 15 s, past the end of the video \(12 s\)/);
    expect(() => validateMarkers([{ type: 'intro', start: -1, end: 2 }], 60)).toThrow(/start and end must be seconds from 0/);
    expect(() => validateMarkers([{ type: 'intro', start: 3, end: 3 }], 60)).toThrow(/must come before the end/);
  });
});

describe('bodyWindow', () => {
  it('runs from the end of the recap and intro to the start of the credits', () => {
    expect(
      bodyWindow(
        [
          { type: 'recap', start: 0, end: 6 },
          { type: 'intro', start: 10, end: 20 },
          { type: 'credits', start: 42, end: 48 },
        ],
        48,
      ),
    ).toEqual({ from: 20, to: 42 });
    expect(bodyWindow([], 30)).toEqual({ from: 0, to: 30 });
    expect(bodyWindow([{ type: 'intro', start: 3, end: 12 }], 30)).toEqual({ from: 12, to: 30 });
  });
});
