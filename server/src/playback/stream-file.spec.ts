import { join } from 'node:path';
import { resolveStreamFile } from './stream-file';

describe('resolveStreamFile', () => {
  const directory = '/media/programmes/prog-01';

  it('maps media files inside the folder with their content types', () => {
    expect(resolveStreamFile(directory, ['master.m3u8'])).toEqual({ absolutePath: join(directory, 'master.m3u8'), contentType: 'application/vnd.apple.mpegurl', isKey: false });
    expect(resolveStreamFile(directory, ['360p', 'seg_000.ts'])).toMatchObject({ contentType: 'video/mp2t' });
    expect(resolveStreamFile(directory, ['subs', 'en_000.vtt'])).toMatchObject({ contentType: 'text/vtt; charset=utf-8' });
    expect(resolveStreamFile(directory, ['key.bin'])).toMatchObject({ isKey: true, contentType: 'application/octet-stream' });
  });

  it.each([[['..', 'prog-02', 'master.m3u8']], [['360p', '..', '..', 'x.ts']], [['a\\..\\b.ts']], [['seg\0.ts']], [['.', 'master.m3u8']], [['']], [['360p/../../x.ts']]])(
    'refuses %j as traversal',
    (segments) => {
      expect(resolveStreamFile(directory, segments)).toBe('traversal');
    },
  );

  it('treats a still-encoded segment as a plain (missing) name, never decoding it again', () => {
    expect(resolveStreamFile(directory, ['x%2f..%2fmaster.m3u8'])).toEqual(expect.objectContaining({ absolutePath: join(directory, 'x%2f..%2fmaster.m3u8') }));
  });

  it('refuses files that are not media, and hidden files', () => {
    expect(resolveStreamFile(directory, ['manifest.json'])).toBe('not-media');
    expect(resolveStreamFile(directory, ['.hidden.ts'])).toBe('not-media');
    expect(resolveStreamFile(directory, [])).toBe('not-media');
  });
});
