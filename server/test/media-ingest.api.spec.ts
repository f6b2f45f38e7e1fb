import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, MEDIA_DIR, signUpViewer } from './support/test-app';
import { expectThumbnailsAgree } from './support/trickplay';

const run = promisify(execFile);
const INGEST = resolve(__dirname, '../../tools/media/ingest.mjs');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function ingest(args: string[], mediaDir: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [INGEST, ...args], { env: { ...process.env, MEDIA_DIR: mediaDir }, timeout: 180_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run media:ingest', () => {
  let work: string;
  let mediaDir: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ingest-'));
    // A media folder of its own: the sample programmes, and an empty titles/ for the ingest.
    mediaDir = join(work, 'media');
    mkdirSync(join(mediaDir, 'titles'), { recursive: true });
    symlinkSync(join(MEDIA_DIR, 'programmes'), join(mediaDir, 'programmes'));
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    ['a missing file', () => ['/no/such/video.mp4', 'tt1005'], /not found/],
    ['a file that is not a video', () => [writeText('notes.txt', 'hello'), 'tt1005'], /video/],
    ['an unknown title', () => [writeText('clip.mp4', 'x'), 'tt9999'], /tt9999/],
    ['missing arguments', () => ['only-one-argument'], /usage/],
  ])('refuses %s with one line and exit code 1, writing nothing', async (_case, args, message) => {
    const outcome = await ingest(args(), mediaDir);
    expect(outcome.code).toBe(1);
    const lines = outcome.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(outcome.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(mediaDir, 'titles'))).toEqual([]);
  });

  it('packages a real video into the ladder, and the title then plays its own stream', async () => {
    const source = join(work, 'clip.mkv');
    await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=480x270:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '5', '-c:v', 'libx264', '-c:a', 'aac', '-y', source], { timeout: 60_000 });
    const outcome = await ingest([source, 'tt1005'], mediaDir);
    expect(outcome.code).toBe(0);

    const t = await createTestApp({ MEDIA_DIR: mediaDir });
    try {
      const viewer = await signUpViewer(t);
      const details = (await t.http.get('/titles/tt1005').set(viewer.auth).expect(200)).body;
      expect(details.streams.map((stream: { profile: string }) => stream.profile)).toEqual(['360p', '540p', '720p']);
      const session = (await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1005' }).expect(200)).body;
      expect(session.duration).toBeCloseTo(5, 0);
      const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', session.hlsUrl.replace(t.config.publicUrl, t.origin)], { timeout: 60_000 });
      expect(stdout).toMatch(/video/);
      expect(stdout).toMatch(/audio/);
      expect(outcome.stdout).toMatch(/thumbnails: \d+ frames every 2 s in 1 sheet\(s\), \d+ kB = [\d.]+ % of the programme/);
      await expectThumbnailsAgree(t, session.thumbnails, session.duration);
      // Other titles keep their sample programme.
      expect((await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1006' }).expect(200)).body.duration).toBeGreaterThanOrEqual(30);
    } finally {
      await t.close();
    }
  }, 240_000);

  function writeText(name: string, text: string): string {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  }
});
