import { lowestRendition } from './lowest-rendition';

describe('lowestRendition', () => {
  const masterUrl = 'http://api.test/stream/tok/master.m3u8';

  it('picks the lowest BANDWIDTH variant, resolved against the master playlist, skipping tags between', () => {
    const master = [
      '#EXTM3U',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",URI="subs/en.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=272918,AVERAGE-BANDWIDTH=267940,RESOLUTION=960x540',
      '540p/index.m3u8',
      '#EXT-X-STREAM-INF:AVERAGE-BANDWIDTH=195624,BANDWIDTH=200374,RESOLUTION=640x360',
      '',
      '360p/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=390614,RESOLUTION=1280x720',
      '/elsewhere/720p.m3u8',
    ].join('\r\n');
    expect(lowestRendition(master, masterUrl)).toBe('http://api.test/stream/tok/360p/index.m3u8');
  });

  it('finds none in a playlist without variants or with a variant missing its BANDWIDTH', () => {
    expect(lowestRendition('#EXTM3U\n#EXTINF:4,\nseg_000.ts\n', masterUrl)).toBeNull();
    expect(lowestRendition('#EXTM3U\n#EXT-X-STREAM-INF:RESOLUTION=640x360\n360p/index.m3u8\n', masterUrl)).toBeNull();
  });
});
