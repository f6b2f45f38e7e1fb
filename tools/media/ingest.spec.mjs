import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INGEST = join(import.meta.dirname, 'ingest.mjs');

/**
 * Runs ingest.mjs with `args` against an empty MEDIA_DIR and gives its exit code and output; `cwd`
 * is where the user typed the command (npm's INIT_CWD), which relative file arguments start from.
 * @param {string[]} args
 * @param {{ env?: Record<string, string>, cwd?: string }} [options]
 */
function ingest(args, { env = {}, cwd } = {}) {
  const result = spawnSync(process.execPath, [INGEST, ...args], {
    env: { PATH: process.env.PATH, MEDIA_DIR: mediaDir, ...(cwd ? { INIT_CWD: cwd } : {}), ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let mediaDir;
let workDir;

beforeAll(() => {
  mediaDir = mkdtempSync(join(tmpdir(), 'ingest-media-'));
  workDir = mkdtempSync(join(tmpdir(), 'ingest-input-'));
  writeFileSync(join(workDir, 'notes.txt'), 'not a video at all\n');
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
}

describe('npm run media:ingest, its arguments', () => {
  it('asks for exactly a file and a title id', () => {
    expectRefusal(ingest([]), /usage: npm run media:ingest -- <video file> <titleId>/);
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
