import { variantPlaylists } from './variant-playlists';

describe('variantPlaylists', () => {
  const masterUrl = 'http://api.test/stream/tok/master.m3u8';

  it('lists each variant’s playlist once, lowest BANDWIDTH first, resolved against the master, skipping tags between', () => {
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
      '#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=1280x720',
      '/elsewhere/720p.m3u8',
    ].join('\r\n');
    expect(variantPlaylists(master, masterUrl)).toEqual([
      'http://api.test/stream/tok/360p/index.m3u8',
      'http://api.test/stream/tok/540p/index.m3u8',
      'http://api.test/elsewhere/720p.m3u8',
    ]);
  });

  it('finds none in a playlist without variants, and skips a variant missing its BANDWIDTH', () => {
    expect(variantPlaylists('#EXTM3U\n#EXTINF:4,\nseg_000.ts\n', masterUrl)).toEqual([]);
    expect(variantPlaylists('#EXTM3U\n#EXT-X-STREAM-INF:RESOLUTION=640x360\n360p/index.m3u8\n', masterUrl)).toEqual([]);
  });
});
