import { StreamLink } from './stream-link';

const API = 'http://localhost:5000';

describe('StreamLink', () => {
  const link = StreamLink.parse(`${API}/stream/tt1003.dXNlcl8x.1700000000.NEW/master.m3u8`);

  it('splits a signed master URL into the stream base and its token', () => {
    expect(link.base).toBe(`${API}/stream/`);
    expect(link.token).toBe('tt1003.dXNlcl8x.1700000000.NEW');
  });

  it('moves any file of the stream under its token: variant playlists, segments, subtitles, keys', () => {
    expect(link.rewrite(`${API}/stream/tt1003.dXNlcl8x.1699990000.OLD/540p/seg_004.ts`)).toBe(`${API}/stream/tt1003.dXNlcl8x.1700000000.NEW/540p/seg_004.ts`);
    expect(link.rewrite(`${API}/stream/tt1003.dXNlcl8x.1699990000.OLD/subs/en_002.vtt`)).toBe(`${API}/stream/tt1003.dXNlcl8x.1700000000.NEW/subs/en_002.vtt`);
    expect(link.rewrite(`${API}/stream/tt1003.dXNlcl8x.1699990000.OLD/key.bin`)).toBe(`${API}/stream/tt1003.dXNlcl8x.1700000000.NEW/key.bin`);
  });

  it('leaves every other URL alone', () => {
    expect(link.rewrite(`${API}/titles/tt1003`)).toBe(`${API}/titles/tt1003`);
    expect(link.rewrite('https://elsewhere.example/stream/x/seg.ts')).toBe('https://elsewhere.example/stream/x/seg.ts');
    expect(link.rewrite(`${API}/stream/`)).toBe(`${API}/stream/`);
  });

  it('reads the token a request was made with', () => {
    expect(link.tokenIn(`${API}/stream/OLD/360p/index.m3u8`)).toBe('OLD');
    expect(link.tokenIn(`${API}/play/start`)).toBeNull();
  });

  it('refuses a URL that is not a signed master playlist', () => {
    expect(() => StreamLink.parse(`${API}/media/movie.mp4`)).toThrow(/Not a signed stream URL/);
  });
});
