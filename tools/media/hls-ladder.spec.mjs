import { LADDER, MediaError, SEGMENT_SECONDS, assertFilterSafePath, fitMarkers, parseMediaPlaylist, spreadCues } from './hls-ladder.mjs';

describe('the HLS ladder', () => {
  it('has three 16:9 rungs, 360p to 720p, each larger and allowed more bits than the one below', () => {
    expect(LADDER.map((rung) => rung.profile)).toEqual(['360p', '540p', '720p']);
    for (const rung of LADDER) {
      expect(rung.width * 9).toBe(rung.height * 16);
      expect(rung.width % 2).toBe(0);
      expect(rung.height % 2).toBe(0);
      expect(`${rung.height}p`).toBe(rung.profile);
    }
    for (let index = 1; index < LADDER.length; index++) {
      expect(LADDER[index].height).toBeGreaterThan(LADDER[index - 1].height);
      expect(LADDER[index].maxrate).toBeGreaterThan(LADDER[index - 1].maxrate);
    }
  });
});

describe('spreadCues', () => {
  it('puts each line inside one segment, from +0.5 s to +3.5 s, spread over the programme', () => {
    const cues = spreadCues(['a', 'b', 'c', 'd'], 40);
    expect(cues.map((cue) => cue.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(cues.map((cue) => cue.start)).toEqual([0.5, 8.5, 20.5, 28.5]);
    for (const cue of cues) {
      expect(cue.end - cue.start).toBe(3);
      expect(Math.floor(cue.start / SEGMENT_SECONDS)).toBe(Math.floor((cue.end - 0.001) / SEGMENT_SECONDS));
    }
  });

  it('keeps to a window of the programme (the body between intro and credits), in its whole segments', () => {
    const cues = spreadCues(['a', 'b', 'c'], 48, { from: 14, to: 42 });
    expect(cues.map((cue) => [cue.start, cue.end])).toEqual([
      [16.5, 19.5],
      [24.5, 27.5],
      [32.5, 35.5],
    ]);
  });

  it('stays inside a window shorter than a segment', () => {
    expect(spreadCues(['a'], 6, { from: 3, to: 4.5 })).toEqual([{ start: 3.5, end: 4.5, text: 'a' }]);
  });

  it('never ends a cue after the programme, however short', () => {
    const [cue] = spreadCues(['only'], 2);
    expect(cue.start).toBe(0.5);
    expect(cue.end).toBe(2);
  });
});

describe('parseMediaPlaylist', () => {
  it('reads segment durations and URIs and the key lines', () => {
    const playlist = [
      '#EXTM3U',
      '#EXT-X-TARGETDURATION:4',
      '#EXT-X-KEY:METHOD=AES-128,URI="../key.bin",IV=0x01',
      '#EXTINF:4.000000,',
      '720p_000.ts',
      '#EXTINF:2.5,',
      '720p_001.ts',
      '#EXT-X-ENDLIST',
    ].join('\r\n');
    expect(parseMediaPlaylist(playlist)).toEqual({
      segments: [
        { duration: 4, uri: '720p_000.ts' },
        { duration: 2.5, uri: '720p_001.ts' },
      ],
      keys: ['#EXT-X-KEY:METHOD=AES-128,URI="../key.bin",IV=0x01'],
    });
  });
});

describe('assertFilterSafePath', () => {
  it('accepts plain paths and refuses ones an ffmpeg filter graph would misread', () => {
    expect(() => assertFilterSafePath('/usr/share/fonts/DejaVuSans-Bold.ttf')).not.toThrow();
    expect(() => assertFilterSafePath("/tmp/it's:here.ttf")).toThrow(MediaError);
  });
});

describe('fitMarkers', () => {
  const credits = (end) => [{ type: 'intro', start: 2, end: 10 }, { type: 'credits', start: 30, end }];

  it('keeps markers inside the encoded stream as they are', () => {
    expect(fitMarkers(credits(36), 36, 25)).toEqual(credits(36));
  });

  it('ends a marker at the end of the stream when it passed it by less than a frame', () => {
    expect(fitMarkers(credits(36.02), 35.98, 25)).toEqual(credits(35.98));
  });

  it('refuses a marker further past the end than one frame', () => {
    expect(() => fitMarkers(credits(36.2), 36, 25)).toThrow(/credits marker ends at 36\.2 s, past the end of the video \(36 s\)/);
  });
});
