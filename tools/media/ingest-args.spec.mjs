import { USAGE, parseIngestArgs } from './ingest-args.mjs';

describe('parseIngestArgs', () => {
  it('reads the file, the id and the markers, flags anywhere, as --flag value or --flag=value', () => {
    expect(parseIngestArgs(['--credits=1:40-1:50', 'video.mp4', '--intro', '0:05-0:35', 'tt1003-s1e4'])).toEqual({
      file: 'video.mp4',
      id: 'tt1003-s1e4',
      markers: [
        { type: 'credits', start: 100, end: 110 },
        { type: 'intro', start: 5, end: 35 },
      ],
    });
    expect(parseIngestArgs(['video.mp4', 'tt1007'])).toEqual({ file: 'video.mp4', id: 'tt1007', markers: [] });
  });

  it('refuses a wrong number of arguments with the usage line', () => {
    expect(() => parseIngestArgs(['video.mp4'])).toThrow(USAGE);
    expect(() => parseIngestArgs(['video.mp4', 'tt1007', '--intro', '1-2', 'more'])).toThrow(USAGE);
  });

  it('refuses an unknown flag, a flag twice, a flag without its range, and overlapping markers', () => {
    expect(() => parseIngestArgs(['v.mp4', 'tt1007', '--outro', '1-2'])).toThrow('unknown flag: --outro (known: --recap, --intro, --credits)');
    expect(() => parseIngestArgs(['v.mp4', 'tt1007', '--recap=0-1', '--recap', '1-2'])).toThrow('--recap is given twice');
    expect(() => parseIngestArgs(['v.mp4', 'tt1007', '--credits'])).toThrow('--credits needs a range <start>-<end>');
    expect(() => parseIngestArgs(['v.mp4', 'tt1007', '--intro=', 'x'])).toThrow('--intro needs a range <start>-<end>');
    expect(() => parseIngestArgs(['v.mp4', 'tt1007', '--intro', '0:05-0:35', '--credits', '0:30-0:40'])).toThrow(
      'the intro (5-35 s) and credits (30-40 s) markers overlap',
    );
  });
});
