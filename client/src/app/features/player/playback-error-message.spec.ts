import { isRefusedLink, playbackErrorMessage } from './playback-error-message';

describe('playback errors', () => {
  it('describes Shaka errors in words with their code', () => {
    expect(playbackErrorMessage({ category: 1, code: 1002 })).toBe('The video could not be downloaded. Check your connection and try again. (error 1002)');
    expect(playbackErrorMessage({ category: 3, code: 3016 })).toMatch(/could not be decoded/);
    expect(playbackErrorMessage(undefined)).toBe('Playback stopped unexpectedly.');
  });

  it('recognises a refused signed link (HTTP 403)', () => {
    expect(isRefusedLink({ code: 1001, data: ['https://api/stream/x/360p/seg.ts', 403] })).toBe(true);
    expect(isRefusedLink({ code: 1001, data: ['https://api/stream/x/360p/seg.ts', 404] })).toBe(false);
    expect(isRefusedLink({ code: 3016 })).toBe(false);
  });
});
