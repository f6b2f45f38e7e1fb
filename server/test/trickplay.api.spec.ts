import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, MEDIA_DIR, signUpViewer, TestApp, Viewer } from './support/test-app';
import { expectThumbnailsAgree } from './support/trickplay';

const PROGRAMMES = join(MEDIA_DIR, 'programmes');

function bytesUnder(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((total, name) => total + bytesUnder(join(path, name)), 0);
}

describe('Trickplay thumbnails', () => {
  let t: TestApp;
  let viewer: Viewer;

  beforeAll(async () => {
    t = await createTestApp({}, { store: 'memory' });
    viewer = await signUpViewer(t);
  });

  afterAll(() => t.close());

  // Films play the four sample programmes in turn by their number (tt1003 is a series).
  it.each(['tt1000', 'tt1001', 'tt1002', 'tt1007'])('%s: the sprite sheets and their WebVTT index agree and cover the whole programme', async (titleId) => {
    const session = (await t.http.post('/play/start').set(viewer.auth).send({ titleId }).expect(200)).body;
    expect(session.thumbnails).toMatch(new RegExp(`^http://localhost:5000/stream/${titleId}\\.[^/]+/thumbs/thumbnails\\.vtt$`));
    // The index sits under the same signature as the master playlist.
    expect(new URL(session.thumbnails).pathname.split('/')[2]).toBe(new URL(session.hlsUrl).pathname.split('/')[2]);
    const cues = await expectThumbnailsAgree(t, session.thumbnails, session.duration);
    expect(Math.max(...cues.map((cue) => cue.end - cue.start))).toBeLessThanOrEqual(10);
  });

  it('refuses the sheets without a valid signature', async () => {
    const session = (await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1000' }).expect(200)).body;
    const path = new URL(session.thumbnails).pathname.replace(/\.[^./]+\/thumbs\//, '.forged/thumbs/');
    await t.http.get(path).expect(403);
  });

  it.each(readdirSync(PROGRAMMES).filter((name) => !name.startsWith('.')))('%s: thumbnails add at most 10 %% to the programme on disk', (programme) => {
    const folder = join(PROGRAMMES, programme);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    const thumbnails = bytesUnder(join(folder, 'thumbs'));
    const rest = bytesUnder(folder) - thumbnails;
    expect(manifest.thumbnails.playlist).toBe('thumbs/thumbnails.vtt');
    expect(thumbnails / rest).toBeLessThanOrEqual(0.1);
  });
});
