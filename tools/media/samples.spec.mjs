// The committed sample programmes (server/media/programmes): their skip markers are valid, the
// title sequence and the credits are really in the picture where the markers say, the subtitles stay
// in the body, and the trickplay thumbnails are still there within their budget.

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { THUMBNAIL_BUDGET } from './hls-ladder.mjs';
import { validateMarkers } from './markers.mjs';

const PROGRAMMES = join(import.meta.dirname, '..', '..', 'server', 'media', 'programmes');
const ids = readdirSync(PROGRAMMES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
  .map((e) => e.name)
  .sort();
const manifests = Object.fromEntries(ids.map((id) => [id, JSON.parse(readFileSync(join(PROGRAMMES, id, 'manifest.json'), 'utf8'))]));

/**
 * The average colour (r, g, b) of the frame at `seconds` of a programme's 360p rendition, decoded by
 * ffmpeg from the encrypted HLS stream itself.
 * @param {string} id
 * @param {number} seconds
 */
function averageColour(id, seconds) {
  const result = spawnSync(
    'ffmpeg',
    [
      '-v', 'error', '-allowed_extensions', 'ALL', '-ss', seconds.toFixed(2), '-i', join(PROGRAMMES, id, '360p', 'index.m3u8'),
      '-frames:v', '1', '-vf', 'scale=1:1:flags=area', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1',
    ],
    { maxBuffer: 1024 },
  );
  if (result.status !== 0 || result.stdout.length !== 3) throw new Error(`${id} @ ${seconds} s: ${result.stderr}`);
  return [...result.stdout];
}

/** Each frame decodes up to one 4 s segment; on a busy machine that is seconds. */
const DECODE_TIMEOUT = 120_000;
const distance = (/** @type {number[]} */ a, /** @type {number[]} */ b) => Math.hypot(...a.map((v, i) => v - b[i]));
const marker = (id, type) => manifests[id].markers?.find((m) => m.type === type);

/** Start and end (s) of every cue in a programme's English subtitle segments. */
function cueTimes(id) {
  const subs = join(PROGRAMMES, id, 'subs');
  const seconds = (h, m, s) => Number(h) * 3600 + Number(m) * 60 + Number(s);
  return readdirSync(subs)
    .filter((f) => f.startsWith('en_') && f.endsWith('.vtt'))
    .flatMap((f) => [...readFileSync(join(subs, f), 'utf8').matchAll(/(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})/g)])
    .map((m) => ({ start: seconds(m[1], m[2], m[3]), end: seconds(m[4], m[5], m[6]) }));
}

function folderBytes(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? folderBytes(join(dir, e.name)) : readFileSync(join(dir, e.name)).length),
    0,
  );
}

describe('the committed sample programmes', () => {
  it('are there, short, and one of them has a recap', () => {
    expect(ids.length).toBeGreaterThanOrEqual(4);
    for (const id of ids) expect(manifests[id].durationSeconds).toBeLessThanOrEqual(60);
    expect(ids.some((id) => marker(id, 'recap'))).toBe(true);
  });

  describe.each(ids)('%s', (id) => {
    const manifest = manifests[id];

    it('has valid markers: sorted, apart, inside the stream, with an intro after a cold open and the credits at the end', () => {
      expect(validateMarkers(manifest.markers, manifest.durationSeconds)).toEqual(manifest.markers);
      const intro = marker(id, 'intro');
      const credits = marker(id, 'credits');
      expect(intro.start).toBeGreaterThan(0);
      expect(intro.end - intro.start).toBeGreaterThanOrEqual(8);
      expect(intro.end - intro.start).toBeLessThanOrEqual(12);
      expect(credits.end).toBe(manifest.durationSeconds);
      const recap = marker(id, 'recap');
      if (recap) expect(recap.end).toBeLessThan(intro.start);
    });

    // The generators move slowly: half a second apart, the same scene averages within a few levels
    // (measured: 1 to 3 on the programmes before they had an intro). A cut is a jump of 100 or more.
    it('cuts to a title sequence at the start of the intro marker and back at its end, unlike the programme around it', () => {
      const intro = marker(id, 'intro');
      const credits = marker(id, 'credits');
      const [before, first, middle, last, after] = [intro.start - 0.25, intro.start + 0.25, (intro.start + intro.end) / 2, intro.end - 0.25, intro.end + 0.25].map(
        (t) => averageColour(id, t),
      );
      expect(distance(before, first)).toBeGreaterThan(60);
      expect(distance(last, after)).toBeGreaterThan(60);
      const body = averageColour(id, (intro.end + credits.start) / 2);
      for (const outside of [before, after, body]) expect(distance(middle, outside)).toBeGreaterThan(40);
    }, DECODE_TIMEOUT);

    it('cuts to the credits over a dark background at the start of the credits marker', () => {
      const credits = marker(id, 'credits');
      const before = averageColour(id, credits.start - 0.25);
      const [r, g, b] = averageColour(id, (credits.start + credits.end) / 2);
      expect(Math.max(r, g, b)).toBeLessThan(40);
      expect(distance(before, [r, g, b])).toBeGreaterThan(40);
    }, DECODE_TIMEOUT);

    it('plays its recap, if it has one, in grey', () => {
      const recap = marker(id, 'recap');
      if (!recap) return;
      const [r, g, b] = averageColour(id, (recap.start + recap.end) / 2);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(12);
    }, DECODE_TIMEOUT);

    it('keeps every subtitle cue in the body, off the recap, intro and credits', () => {
      const cues = cueTimes(id);
      expect(cues.length).toBeGreaterThanOrEqual(4);
      for (const cue of cues) {
        for (const m of manifest.markers) expect([cue, m.type, cue.end <= m.start || cue.start >= m.end]).toEqual([cue, m.type, true]);
      }
    });

    it('keeps its trickplay thumbnails, within their share of the folder', () => {
      const { thumbnails } = manifest;
      expect(thumbnails.frames).toBe(Math.ceil(manifest.durationSeconds / thumbnails.intervalSeconds));
      const thumbsBytes = folderBytes(join(PROGRAMMES, id, 'thumbs'));
      expect(thumbsBytes).toBe(thumbnails.bytes);
      expect(thumbsBytes).toBeLessThanOrEqual((folderBytes(join(PROGRAMMES, id)) - thumbsBytes) * THUMBNAIL_BUDGET);
    });
  });
});
