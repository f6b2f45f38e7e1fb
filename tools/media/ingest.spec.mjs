import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INGEST = join(import.meta.dirname, 'ingest.mjs');

/**
 * Runs ingest.mjs with `args` against an empty MEDIA_DIR and gives its exit code and output; `cwd`
 * is where the user typed the command (npm's INIT_CWD), which relative file arguments start from.
 * Episodes are checked against the series fixture written in beforeAll, unless `env` says otherwise.
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, cwd?: string }} [options]
 */
function ingest(args, { env = {}, cwd } = {}) {
  const result = spawnSync(process.execPath, [INGEST, ...args], {
    env: { PATH: process.env.PATH, MEDIA_DIR: mediaDir, CURATED_SERIES_FILE: seriesFile, ...(cwd ? { INIT_CWD: cwd } : {}), ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let mediaDir;
let workDir;
let seriesFile;

beforeAll(() => {
  mediaDir = mkdtempSync(join(tmpdir(), 'ingest-media-'));
  workDir = mkdtempSync(join(tmpdir(), 'ingest-input-'));
  writeFileSync(join(workDir, 'notes.txt'), 'not a video at all\n');
  // The shape the catalog's curated-series.json has: tt1003 is a series of two seasons.
  seriesFile = join(workDir, 'curated-series.json');
  const episodes = (count) => Array.from({ length: count }, (_, i) => ({ number: i + 1, name: `Part ${i + 1}` }));
  writeFileSync(
    seriesFile,
    JSON.stringify([{ titleId: 'tt1003', seasons: [{ number: 1, episodes: episodes(4) }, { number: 2, episodes: episodes(3) }] }]),
  );
  // A 6 s clip with sound, small enough to package in seconds.
  const made = spawnSync(
    'ffmpeg',
    [
      '-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=25:d=6', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=6',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-shortest', join(workDir, 'clip.mp4'),
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`could not make the test clip: ${made.stderr}`);
});

afterAll(() => {
  rmSync(mediaDir, { recursive: true, force: true });
  rmSync(workDir, { recursive: true, force: true });
});

/** The refusal is one line on standard error, naming the problem, and nothing is written. */
function expectRefusal(result, pattern) {
  expect(result.code).toBe(1);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(existsSync(join(mediaDir, 'titles')) ? readdirSync(join(mediaDir, 'titles')) : []).toEqual([]);
}

describe('npm run media:ingest, its arguments', () => {
  it('asks for exactly a file and a title id', () => {
    expectRefusal(ingest([]), /usage: npm run media:ingest -- <video file> <titleId \| titleId-s<season>e<episode>> \[--recap a-b\]/);
    expectRefusal(ingest(['a.mp4']), /usage:/);
    expectRefusal(ingest(['a.mp4', 'tt1007', 'extra']), /usage:/);
  });

  it('refuses a title the catalog does not have, naming the ids it knows', () => {
    expectRefusal(ingest(['a.mp4', 'tt9999']), /unknown title: "tt9999" \(known ids: tt1000\.\.tt1099\)/);
    expectRefusal(ingest(['a.mp4', 'movie-7']), /unknown title: "movie-7"/);
  });

  it('widens the known ids with CATALOG_SIZE, and refuses a CATALOG_SIZE that is not a count', () => {
    expectRefusal(ingest(['missing.mp4', 'tt5000'], { env: { CATALOG_SIZE: '10000' }, cwd: workDir }), /file not found: missing\.mp4/);
    expectRefusal(ingest(['a.mp4', 'tt1007'], { env: { CATALOG_SIZE: 'lots' } }), /CATALOG_SIZE must be a positive integer, got "lots"/);
  });

  it('says ffmpeg is needed when it is not installed', () => {
    expectRefusal(ingest(['a.mp4', 'tt1007'], { env: { PATH: '/nonexistent' } }), /^media:ingest: ffmpeg is required: apt-get install ffmpeg$/);
  });

  it('refuses a file that is missing, a folder, or not a video', () => {
    expectRefusal(ingest(['missing.mp4', 'tt1007'], { cwd: workDir }), /file not found: missing\.mp4/);
    expectRefusal(ingest(['.', 'tt1007'], { cwd: workDir }), /not a file: \./);
    expectRefusal(ingest(['notes.txt', 'tt1007'], { cwd: workDir }), /not a video: .*notes\.txt/);
  });
});

describe('npm run media:ingest, its markers', () => {
  const clip = (...flags) => ingest(['clip.mp4', 'tt1007', ...flags], { cwd: workDir });

  it('refuses a malformed time, naming the flag and the time', () => {
    expectRefusal(clip('--intro', '0:5-0:35'), /^media:ingest: --intro: not a time: "0:5" \(use s, m:ss or h:mm:ss/);
    expectRefusal(clip('--credits=1:00-abc'), /^media:ingest: --credits: not a time: "abc"/);
    expectRefusal(clip('--recap', '5'), /^media:ingest: --recap: expected <start>-<end>/);
    expectRefusal(clip('--intro'), /^media:ingest: --intro needs a range <start>-<end>/);
  });

  it('refuses a start that is not before the end', () => {
    expectRefusal(clip('--intro', '0:04-0:02'), /^media:ingest: --intro: the start \(0:04\) must come before the end \(0:02\)$/);
    expectRefusal(clip('--intro', '3-3'), /must come before the end/);
  });

  it("refuses a marker past the video's end, as ffprobe measures it", () => {
    expectRefusal(clip('--credits', '5-0:09'), /^media:ingest: credits marker ends at 9 s, past the end of the video \(6(\.\d+)? s\)$/);
  });

  it('refuses overlapping markers and a marker given twice', () => {
    expectRefusal(clip('--recap', '0-3', '--intro', '2.5-4'), /^media:ingest: the recap \(0-3 s\) and intro \(2\.5-4 s\) markers overlap$/);
    expectRefusal(clip('--intro', '1-2', '--intro=3-4'), /^media:ingest: --intro is given twice$/);
  });

  it('refuses an unknown flag', () => {
    expectRefusal(clip('--outro', '1-2'), /^media:ingest: unknown flag: --outro \(known: --recap, --intro, --credits\)$/);
    expectRefusal(clip('-i', '1-2'), /^media:ingest: unknown flag: -i/);
  });
});

describe('npm run media:ingest, episode ids', () => {
  it('refuses an episode of an unknown title', () => {
    expectRefusal(ingest(['clip.mp4', 'tt5000-s1e1'], { cwd: workDir }), /^media:ingest: unknown title: "tt5000"/);
  });

  it('refuses an episode curated-series.json does not have: not a series, no such season, no such episode', () => {
    expectRefusal(ingest(['clip.mp4', 'tt1007-s1e1'], { cwd: workDir }), /^media:ingest: unknown episode: "tt1007-s1e1" \(tt1007 is not a series in /);
    expectRefusal(ingest(['clip.mp4', 'tt1003-s3e1'], { cwd: workDir }), /^media:ingest: unknown episode: "tt1003-s3e1" \(tt1003 has seasons 1\.\.2\)$/);
    expectRefusal(ingest(['clip.mp4', 'tt1003-s2e4'], { cwd: workDir }), /^media:ingest: unknown episode: "tt1003-s2e4" \(season 2 of tt1003 has episodes 1\.\.3\)$/);
  });

  it('accepts a known episode, and any episode of a known title while there is no curated-series.json', () => {
    expectRefusal(ingest(['missing.mp4', 'tt1003-s2e3'], { cwd: workDir }), /file not found: missing\.mp4/);
    const noSeries = { CURATED_SERIES_FILE: join(workDir, 'no-such-file.json') };
    expectRefusal(ingest(['missing.mp4', 'tt1007-s9e9'], { cwd: workDir, env: noSeries }), /file not found: missing\.mp4/);
  });
});

describe('npm run media:ingest, a real episode with markers', () => {
  it('packages it under titles/<episodeId>/ with the markers, sorted, in manifest.json and subtitles only over the body', () => {
    const result = ingest(['clip.mp4', 'tt1003-s1e2', '--credits', '4.5-5.5', '--recap', '0-1', '--intro=0:01.5-0:03'], { cwd: workDir });
    expect([result.code, result.stderr]).toEqual([0, '']);
    const dir = join(mediaDir, 'titles', 'tt1003-s1e2');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.id).toBe('tt1003-s1e2');
    expect(manifest.name).toBe("Nine Winters at Halvard's Crossing S1:E2 Part 2");
    expect(manifest.markers).toEqual([
      { type: 'recap', start: 0, end: 1 },
      { type: 'intro', start: 1.5, end: 3 },
      { type: 'credits', start: 4.5, end: 5.5 },
    ]);
    expect(manifest.durationSeconds).toBeGreaterThanOrEqual(5.5);
    const cues = readdirSync(join(dir, 'subs'))
      .filter((f) => f.startsWith('en_') && f.endsWith('.vtt'))
      .flatMap((f) => [...readFileSync(join(dir, 'subs', f), 'utf8').matchAll(/(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})/g)])
      .map((m) => [Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]), Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6])]);
    expect(cues.length).toBeGreaterThan(0);
    for (const [start, end] of cues) {
      expect(start).toBeGreaterThanOrEqual(3);
      expect(end).toBeLessThanOrEqual(4.5);
    }
    expect(result.stdout).toMatch(/markers recap 0-1 s, intro 1\.5-3 s, credits 4\.5-5\.5 s/);
  }, 240_000);
});
