// Shared HLS packaging for tools/media/generate-samples.mjs and tools/media/ingest.mjs.
//
// One call to packageStream() turns a video source (described as ffmpeg inputs plus a filter graph
// that yields [vsrc] and [asrc]) into a finished, self-contained folder:
//
//   <dest>/master.m3u8             written here, from measured values
//   <dest>/manifest.json           written here
//   <dest>/key.bin                 16 random bytes, the AES-128 key for every media segment
//   <dest>/<rung>/index.m3u8       written by ffmpeg (EXT-X-KEY URI="../key.bin", relative)
//   <dest>/<rung>/seg_NNN.ts       MPEG-TS, H.264 + AAC, 4 s, AES-128-CBC encrypted
//   <dest>/subs/<lang>.m3u8        WebVTT subtitle playlists, one segment per media segment
//   <dest>/subs/<lang>_NNN.vtt
//   <dest>/thumbs/thumbnails.vtt   trickplay index: one cue per frame, `sprite_NNN.jpg#xywh=x,y,w,h`
//   <dest>/thumbs/sprite_NNN.jpg   sheets of small frames, one every few seconds
//
// The folder is built in <parent>/.tmp-XXXXXX and swapped in at the end, so a reader never sees a
// half-written stream, and a failure (or Ctrl-C) leaves the previous version untouched.
//
// Only node builtins are used.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MediaError } from './media-error.mjs';
import { validateMarkers } from './markers.mjs';

export const SEGMENT_SECONDS = 4;

/** The encoding ladder. Caps are peak video rates handed to x264's VBV (CRF inside the cap). */
export const LADDER = [
  { profile: '360p', width: 640, height: 360, crf: 26, maxrate: 400_000, audioBitrate: 64_000 },
  { profile: '540p', width: 960, height: 540, crf: 26, maxrate: 800_000, audioBitrate: 64_000 },
  { profile: '720p', width: 1280, height: 720, crf: 26, maxrate: 1_400_000, audioBitrate: 64_000 },
];

const AUDIO_RATE = 48_000;
const KEY_URI = '../key.bin';
/** Input options for reading our own (local, encrypted) playlists back with ffmpeg/ffprobe. */
const HLS_IN = ['-allowed_extensions', 'ALL'];
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
];

export { MediaError };

// ---------------------------------------------------------------------------------------------
// CLI plumbing: one-line errors, cleanup of temp folders and child processes on signals.

const cleanupDirs = new Set();
const children = new Set();

function cleanupNow() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of cleanupDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
  cleanupDirs.clear();
}

/**
 * Runs an async CLI entry point: prints progress from it, turns any failure into a single line on
 * stderr and exit code 1, and removes temp folders when interrupted.
 */
export function runCli(label, main) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      cleanupNow();
      process.stderr.write(`${label}: interrupted (${signal}), nothing was changed\n`);
      process.exit(1);
    });
  }
  main().then(
    () => process.exit(0),
    (err) => {
      cleanupNow();
      const message = err instanceof MediaError ? err.message : `unexpected error: ${err?.message ?? err}`;
      process.stderr.write(`${label}: ${oneLine(message)}\n`);
      process.exit(1);
    },
  );
}

function oneLine(text) {
  return String(text).replace(/\s*[\r\n]+\s*/g, ' | ').trim();
}

// ---------------------------------------------------------------------------------------------
// Tools

/** Fails with a clear message unless ffmpeg/ffprobe (with libx264, aac, optionally drawtext) exist. */
export function requireTools({ drawtext = false } = {}) {
  for (const tool of ['ffmpeg', 'ffprobe']) {
    const res = spawnSync(tool, ['-hide_banner', '-version'], { encoding: 'utf8' });
    if (res.error || res.status !== 0) {
      throw new MediaError(`${tool} is required: apt-get install ffmpeg`);
    }
  }
  const encoders = spawnSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' }).stdout ?? '';
  for (const enc of ['libx264', 'aac']) {
    if (!new RegExp(`\\s${enc}\\s`).test(encoders)) {
      throw new MediaError(`this ffmpeg has no ${enc} encoder: install Debian's ffmpeg (apt-get install ffmpeg)`);
    }
  }
  if (drawtext) {
    const filters = spawnSync('ffmpeg', ['-hide_banner', '-filters'], { encoding: 'utf8' }).stdout ?? '';
    if (!/\sdrawtext\s/.test(filters)) {
      throw new MediaError("this ffmpeg has no drawtext filter: install Debian's ffmpeg (apt-get install ffmpeg)");
    }
  }
}

/** Path of a bold DejaVu font for drawtext. */
export function findFont() {
  const font = FONT_CANDIDATES.find((f) => existsSync(f));
  if (!font) throw new MediaError('a DejaVu font is required: apt-get install fonts-dejavu-core');
  assertFilterSafePath(font);
  return font;
}

/** Paths dropped into a filter graph must not need escaping. */
export function assertFilterSafePath(p) {
  if (!/^[\w./-]+$/.test(p)) {
    throw new MediaError(`path not usable inside an ffmpeg filter graph (only letters, digits, . _ - /): ${p}`);
  }
}

/** Spawns a tool, collects stdout (Buffer) and stderr (string); rejects with the last stderr line. */
export function run(cmd, args, { label = cmd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => {
      err += d;
      if (err.length > 200_000) err = err.slice(-100_000);
    });
    child.on('error', (/** @type {NodeJS.ErrnoException} */ e) => {
      children.delete(child);
      reject(
        e.code === 'ENOENT'
          ? new MediaError(`${cmd} is required: apt-get install ffmpeg`)
          : new MediaError(`${label} could not start: ${e.message}`),
      );
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code === 0) return resolve({ stdout: Buffer.concat(out), stderr: err });
      const last = err.trim().split(/\r?\n/).filter(Boolean).pop() ?? `exit ${code ?? signal}`;
      reject(new MediaError(`${label} failed: ${last}`));
    });
  });
}

/** ffprobe -of json; throws MediaError when ffprobe cannot read the target. */
export async function ffprobe(target, extraArgs = []) {
  const { stdout } = await run(
    'ffprobe',
    ['-v', 'error', ...extraArgs, '-of', 'json', target],
    { label: 'ffprobe' },
  );
  return JSON.parse(stdout.toString('utf8') || '{}');
}

// ---------------------------------------------------------------------------------------------
// Subtitles

/**
 * Spreads lines over the programme, or over the window { from, to } of it (the body between the
 * intro and the credits): line i sits inside the i-th share of the whole media segments in the window,
 * from +0.5 s to +3.5 s of its segment (never crossing a segment boundary or leaving the window).
 * @param {string[]} lines
 * @param {number} durationSeconds
 * @param {{ from?: number, to?: number }} [window]
 */
export function spreadCues(lines, durationSeconds, { from = 0, to = durationSeconds } = {}) {
  const first = Math.ceil(from / SEGMENT_SECONDS - 1e-9);
  const segments = Math.max(1, Math.floor(to / SEGMENT_SECONDS + 1e-9) - first);
  return lines.map((text, i) => {
    const seg = first + Math.min(segments - 1, Math.floor((i * segments) / lines.length));
    const start = Math.min(seg * SEGMENT_SECONDS + 0.5, Math.max(from, to - 1));
    const end = Math.min(start + 3, to);
    return { start, end, text };
  });
}

function vttTime(seconds) {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

function vttEscape(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Writes subs/<lang>.m3u8 and subs/<lang>_NNN.vtt, one VTT segment per media segment (same
 * durations), each with X-TIMESTAMP-MAP so TS-based players put LOCAL 0 on the first video frame.
 * A cue that overlaps two segments is repeated in both (players de-duplicate identical cues).
 */
async function writeSubtitleTrack(dir, track, segmentDurations, mpegts) {
  const subsDir = path.join(dir, 'subs');
  await mkdir(subsDir, { recursive: true });
  const header = `WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:${mpegts},LOCAL:00:00:00.000\n`;
  const target = Math.max(1, ...segmentDurations.map((d) => Math.ceil(d - 1e-6)));
  const playlist = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
  ];
  let t0 = 0;
  let peak = 0;
  for (let i = 0; i < segmentDurations.length; i++) {
    const t1 = t0 + segmentDurations[i];
    const cues = track.cues.filter((c) => c.start < t1 && c.end > t0);
    const body = cues
      .map((c) => `\n${track.language}-${track.cues.indexOf(c) + 1}\n${vttTime(c.start)} --> ${vttTime(c.end)}\n${vttEscape(c.text)}\n`)
      .join('');
    const file = `${track.language}_${String(i).padStart(3, '0')}.vtt`;
    const content = header + body;
    await writeFile(path.join(subsDir, file), content, 'utf8');
    peak = Math.max(peak, (Buffer.byteLength(content) * 8) / segmentDurations[i]);
    playlist.push(`#EXTINF:${segmentDurations[i].toFixed(6)},`, file);
    t0 = t1;
  }
  playlist.push('#EXT-X-ENDLIST', '');
  await writeFile(path.join(subsDir, `${track.language}.m3u8`), playlist.join('\n'), 'utf8');
  return { language: track.language, name: track.name, playlist: `subs/${track.language}.m3u8`, peak };
}

// ---------------------------------------------------------------------------------------------
// Trickplay thumbnails

/** Size of one frame in a sprite sheet (16:9), and how many frames one sheet holds. */
export const THUMBNAIL = { width: 256, height: 144, columns: 5, rows: 5 };
/** JPEG quality steps (ffmpeg -q:v, lower is better), tried in order until the sheets fit the budget. */
const THUMBNAIL_QUALITIES = [5, 9, 14, 20, 28];
/** Thumbnails may add at most this share to a programme's size on disk. */
export const THUMBNAIL_BUDGET = 0.1;

/** A frame every 2 s for short programmes, every 5 s up to half an hour, every 10 s beyond. */
export function thumbnailInterval(durationSeconds) {
  if (durationSeconds <= 120) return 2;
  if (durationSeconds <= 1800) return 5;
  return 10;
}

/** Bytes of every file under a folder (recursively), skipping dot-entries and the names given. */
export async function folderBytes(dir, skip = []) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || skip.includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(full) : (await stat(full)).size;
  }
  return total;
}

/**
 * The WebVTT index: cue i covers [i × interval, (i + 1) × interval) (the last ends at the programme's
 * end) and points at frame i of sheet floor(i / perSheet), left to right, top to bottom.
 */
export function thumbnailIndex(frameCount, intervalSeconds, durationSeconds, layout = THUMBNAIL) {
  const perSheet = layout.columns * layout.rows;
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < frameCount; i++) {
    const start = i * intervalSeconds;
    const end = i === frameCount - 1 ? durationSeconds : Math.min((i + 1) * intervalSeconds, durationSeconds);
    const within = i % perSheet;
    const x = (within % layout.columns) * layout.width;
    const y = Math.floor(within / layout.columns) * layout.height;
    lines.push(
      `${vttTime(start)} --> ${vttTime(end)}`,
      `${sheetName(Math.floor(i / perSheet))}#xywh=${x},${y},${layout.width},${layout.height}`,
      '',
    );
  }
  return lines.join('\n');
}

function sheetName(index) {
  return `sprite_${String(index).padStart(3, '0')}.jpg`;
}

/**
 * Writes <dir>/thumbs/ from the stream's top rendition: small frames every few seconds, tiled into
 * JPEG sheets with a WebVTT index. The sheets are re-encoded at lower JPEG quality until they add at
 * most THUMBNAIL_BUDGET to the rest of the folder. Returns the manifest entry.
 * @param {{ streamDir: string, thumbsDir: string, playlist: string, durationSeconds: number, log?: (line: string) => void }} options
 */
export async function writeThumbnails({ streamDir, thumbsDir, playlist, durationSeconds, log = () => undefined }) {
  const intervalSeconds = thumbnailInterval(durationSeconds);
  const framesDir = `${thumbsDir}.frames`;
  await rm(thumbsDir, { recursive: true, force: true });
  await mkdir(thumbsDir, { recursive: true });
  await mkdir(framesDir, { recursive: true });
  const programmeBytes = await folderBytes(streamDir, ['thumbs']);
  try {
    await run(
      'ffmpeg',
      [
        '-nostdin', '-v', 'error', ...HLS_IN, '-i', path.join(streamDir, playlist), '-map', '0:v:0',
        '-vf', `fps=1/${intervalSeconds},scale=${THUMBNAIL.width}:${THUMBNAIL.height}:flags=bicubic`,
        '-f', 'image2', '-start_number', '0', path.join(framesDir, 'frame_%05d.png'),
      ],
      { label: 'ffmpeg (thumbnail frames)' },
    );
    // A frame the fps filter emits at or past the end would point at no time in the programme.
    const frames = (await readdir(framesDir)).filter((f) => f.endsWith('.png')).sort();
    const frameCount = Math.min(frames.length, Math.ceil(durationSeconds / intervalSeconds));
    if (frameCount === 0) throw new MediaError(`${playlist}: no thumbnail frames could be read`);
    const perSheet = THUMBNAIL.columns * THUMBNAIL.rows;
    const rows = Math.min(THUMBNAIL.rows, Math.ceil(frameCount / THUMBNAIL.columns));
    let bytes = 0;
    let quality = 0;
    for (quality of THUMBNAIL_QUALITIES) {
      for (const f of await readdir(thumbsDir)) await rm(path.join(thumbsDir, f));
      await run(
        'ffmpeg',
        [
          '-nostdin', '-v', 'error', '-framerate', '1', '-start_number', '0', '-i', path.join(framesDir, 'frame_%05d.png'),
          '-frames:v', String(Math.ceil(frameCount / perSheet)),
          '-vf', `trim=end_frame=${frameCount},tile=${THUMBNAIL.columns}x${rows}`,
          '-q:v', String(quality), '-f', 'image2', '-start_number', '0', path.join(thumbsDir, 'sprite_%03d.jpg'),
        ],
        { label: 'ffmpeg (thumbnail sheets)' },
      );
      bytes = await folderBytes(thumbsDir);
      if (bytes <= programmeBytes * THUMBNAIL_BUDGET) break;
    }
    const sheets = (await readdir(thumbsDir)).filter((f) => f.endsWith('.jpg')).sort();
    if (sheets.length !== Math.ceil(frameCount / perSheet)) {
      throw new MediaError(`thumbnails: expected ${Math.ceil(frameCount / perSheet)} sheets, ffmpeg wrote ${sheets.length}`);
    }
    const index = thumbnailIndex(frameCount, intervalSeconds, durationSeconds);
    await writeFile(path.join(thumbsDir, 'thumbnails.vtt'), index, 'utf8');
    bytes += Buffer.byteLength(index);
    const share = bytes / programmeBytes;
    log(
      `thumbnails: ${frameCount} frames every ${intervalSeconds} s in ${sheets.length} sheet(s), ` +
        `${(bytes / 1024).toFixed(0)} kB = ${(share * 100).toFixed(1)} % of the programme's ${(programmeBytes / 1024).toFixed(0)} kB (JPEG q ${quality})` +
        (share > THUMBNAIL_BUDGET ? `, over the ${THUMBNAIL_BUDGET * 100} % budget even at the lowest quality` : ''),
    );
    return {
      playlist: 'thumbs/thumbnails.vtt',
      intervalSeconds,
      width: THUMBNAIL.width,
      height: THUMBNAIL.height,
      columns: THUMBNAIL.columns,
      rows,
      frames: frameCount,
      sheets: sheets.map((f) => `thumbs/${f}`),
      bytes,
    };
  } finally {
    await rm(framesDir, { recursive: true, force: true });
  }
}

/**
 * Adds (or remakes) thumbnails in a finished stream folder without re-encoding the video: thumbs/ is
 * built beside it and swapped in, then manifest.json gains its `thumbnails` entry.
 */
export async function addThumbnails(streamDir, log) {
  const manifestPath = path.join(streamDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  const top = manifest.renditions[manifest.renditions.length - 1];
  const work = await mkdtemp(path.join(streamDir, '.thumbs-'));
  cleanupDirs.add(work);
  try {
    const entry = await writeThumbnails({
      streamDir,
      thumbsDir: path.join(work, 'thumbs'),
      playlist: top.playlist,
      durationSeconds: manifest.durationSeconds,
      log,
    });
    await rm(path.join(streamDir, 'thumbs'), { recursive: true, force: true });
    await rename(path.join(work, 'thumbs'), path.join(streamDir, 'thumbs'));
    const next = { ...manifest, thumbnails: entry };
    await writeFile(`${manifestPath}.tmp`, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
    await rename(`${manifestPath}.tmp`, manifestPath);
    return next;
  } finally {
    cleanupDirs.delete(work);
    await rm(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Inspecting what ffmpeg wrote

/** Parses a media playlist: segment durations and URIs, EXT-X-KEY lines. */
export function parseMediaPlaylist(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const segments = [];
  const keys = [];
  let pending = null;
  for (const line of lines) {
    if (line.startsWith('#EXTINF:')) pending = parseFloat(line.slice(8));
    else if (line.startsWith('#EXT-X-KEY:')) keys.push(line);
    else if (line && !line.startsWith('#') && pending !== null) {
      segments.push({ duration: pending, uri: line });
      pending = null;
    }
  }
  return { segments, keys };
}

/** Reads the SPS of the first access unit: avc1.PPCCLL from the real bitstream. */
async function avcCodecString(playlistPath) {
  const { stdout } = await run(
    'ffmpeg',
    ['-nostdin', '-v', 'error', ...HLS_IN, '-i', playlistPath, '-map', '0:v:0', '-c', 'copy', '-frames:v', '1', '-f', 'h264', 'pipe:1'],
    { label: 'ffmpeg (reading back SPS)' },
  );
  for (let i = 0; i + 6 < stdout.length; i++) {
    if (stdout[i] === 0 && stdout[i + 1] === 0 && stdout[i + 2] === 1 && (stdout[i + 3] & 0x1f) === 7) {
      const hex = (b) => b.toString(16).padStart(2, '0');
      return `avc1.${hex(stdout[i + 4])}${hex(stdout[i + 5])}${hex(stdout[i + 6])}`;
    }
  }
  throw new MediaError(`no H.264 SPS found in ${playlistPath}`);
}

async function inspectRendition(dir, rung) {
  const playlistRel = `${rung.profile}/index.m3u8`;
  const playlistPath = path.join(dir, playlistRel);
  const { segments, keys } = parseMediaPlaylist(await readFile(playlistPath, 'utf8'));
  if (segments.length === 0) throw new MediaError(`${playlistRel}: no segments written`);
  if (keys.length !== 1 || !keys[0].includes(`URI="${KEY_URI}"`) || !/IV=0x[0-9a-f]{32}/i.test(keys[0])) {
    throw new MediaError(`${playlistRel}: expected one EXT-X-KEY with URI="${KEY_URI}" and an IV, got ${keys.join(' ') || 'none'}`);
  }
  let totalBits = 0;
  let totalSeconds = 0;
  let peak = 0;
  for (const seg of segments) {
    if (seg.uri.includes('/') || seg.uri.includes(':')) throw new MediaError(`${playlistRel}: segment URI not relative: ${seg.uri}`);
    const bits = (await stat(path.join(dir, rung.profile, seg.uri))).size * 8;
    totalBits += bits;
    totalSeconds += seg.duration;
    peak = Math.max(peak, bits / seg.duration);
  }
  const probe = await ffprobe(playlistPath, [...HLS_IN, '-show_entries', 'stream=codec_type,codec_name,profile,width,height,start_pts']);
  const video = probe.streams?.find((s) => s.codec_type === 'video');
  const audio = probe.streams?.find((s) => s.codec_type === 'audio');
  if (!video || !audio) throw new MediaError(`${playlistRel}: ffprobe does not see both video and audio`);
  if (video.width !== rung.width || video.height !== rung.height) {
    throw new MediaError(`${playlistRel}: encoded ${video.width}x${video.height}, expected ${rung.width}x${rung.height}`);
  }
  if (audio.codec_name !== 'aac' || audio.profile !== 'LC') throw new MediaError(`${playlistRel}: audio is not AAC-LC`);
  return {
    ...rung,
    playlist: playlistRel,
    segments,
    durationSeconds: totalSeconds,
    bandwidth: Math.ceil(peak),
    averageBandwidth: Math.ceil(totalBits / totalSeconds),
    codecs: `${await avcCodecString(playlistPath)},mp4a.40.2`,
    firstVideoPts: Number(video.start_pts),
  };
}

// ---------------------------------------------------------------------------------------------
// Writers

function writeMaster(renditions, subtitles, frameRate) {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:6', '#EXT-X-INDEPENDENT-SEGMENTS', ''];
  subtitles.forEach((s, i) => {
    lines.push(
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs"' +
        `,NAME="${s.name}",LANGUAGE="${s.language}"` +
        `,DEFAULT=${i === 0 ? 'YES' : 'NO'},AUTOSELECT=YES,FORCED=NO` +
        `,URI="${s.playlist}"`,
    );
  });
  lines.push('');
  for (const r of renditions) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth}` +
        `,AVERAGE-BANDWIDTH=${r.averageBandwidth}` +
        `,RESOLUTION=${r.width}x${r.height}` +
        `,CODECS="${r.codecs}"` +
        `,FRAME-RATE=${frameRate.toFixed(3)}` +
        ',SUBTITLES="subs"',
      r.playlist,
    );
  }
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Folder swap

/** Moves a finished temp folder into place: old out of the way, new in, old removed. */
export async function swapIntoPlace(tmpDir, finalDir) {
  const parent = path.dirname(finalDir);
  let old = null;
  if (existsSync(finalDir)) {
    old = path.join(parent, `.old-${path.basename(finalDir)}-${randomBytes(4).toString('hex')}`);
    await rename(finalDir, old);
  }
  try {
    await rename(tmpDir, finalDir);
  } catch (err) {
    if (old) await rename(old, finalDir);
    throw new MediaError(`could not move the new version into ${finalDir}: ${err.message}`);
  }
  cleanupDirs.delete(tmpDir);
  if (old) await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// The whole job

/**
 * @param {object} job
 * @param {string} job.id                manifest id (programme id or title id)
 * @param {string} job.name              display name
 * @param {string} job.destDir           final folder, e.g. server/media/titles/tt1007
 * @param {string[]} job.inputArgs       ffmpeg input arguments (may be empty for lavfi-only graphs)
 * @param {string} job.filter            filter graph text that ends in labels [vsrc] and [asrc];
 *                                       [vsrc] must already run at job.frameRate (fps filter)
 * @param {number} job.durationSeconds   length to encode (outputs are cut there; audio is padded)
 * @param {number} job.frameRate         output frame rate (used for GOP size and FRAME-RATE)
 * @param {{language:string,name:string,cues:{start:number,end:number,text:string}[]}[]} job.subtitles
 * @param {import('./markers.mjs').Marker[]} [job.markers]  recap / intro / credits, in seconds of the
 *                                       stream; checked here (sorted, non-overlapping, inside it)
 * @param {(line:string)=>void} [job.log]
 * @returns the manifest object written
 */
export async function packageStream(job) {
  const log = job.log ?? ((line) => process.stdout.write(`${line}\n`));
  // Refused before minutes of encoding; checked again against the encoded length at the end.
  validateMarkers(job.markers ?? [], job.durationSeconds);
  const parent = path.dirname(path.resolve(job.destDir));
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(path.join(parent, '.tmp-'));
  cleanupDirs.add(tmp);
  await chmod(tmp, 0o755); // mkdtemp makes it 0700; the final folder must be readable like any other
  try {
    const manifest = await buildInto(tmp, job, log);
    await swapIntoPlace(tmp, path.resolve(job.destDir));
    return manifest;
  } catch (err) {
    cleanupDirs.delete(tmp);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The markers against the encoded stream's measured length. The encoder ends the stream on a whole
 * frame, so a marker meant to run to the very end (the credits) may pass it by less than a frame:
 * such an end is set to the stream's end. Anything further out is refused.
 * @param {readonly { type: string, start: number, end: number }[]} markers
 * @param {number} durationSeconds
 * @param {number} frameRate
 */
export function fitMarkers(markers, durationSeconds, frameRate) {
  const frame = 1 / frameRate;
  const fitted = markers.map((m) => (m.end > durationSeconds && m.end - durationSeconds <= frame + 1e-6 ? { ...m, end: durationSeconds } : m));
  return validateMarkers(fitted, durationSeconds);
}

async function buildInto(dir, job, log) {
  const gop = Math.max(1, Math.round(job.frameRate * SEGMENT_SECONDS));
  const keyPath = path.join(dir, 'key.bin');
  await writeFile(keyPath, randomBytes(16));

  const splitV = LADDER.map((_, i) => `[s${i}]`).join('');
  const splitA = LADDER.map((_, i) => `[as${i}]`).join('');
  const graph = [
    job.filter,
    `[vsrc]split=${LADDER.length}${splitV}`,
    `[asrc]asplit=${LADDER.length}${splitA}`,
    ...LADDER.map(
      (r, i) =>
        `[s${i}]scale=${r.width}:${r.height}:force_original_aspect_ratio=decrease:force_divisible_by=2:flags=bicubic,` +
        `pad=${r.width}:${r.height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format=yuv420p[v${i}]`,
    ),
  ].join(';');

  const args = ['-nostdin', '-hide_banner', '-v', 'error', '-y', ...job.inputArgs, '-filter_complex', graph];
  const keyInfos = [];
  for (const [i, r] of LADDER.entries()) {
    const rungDir = path.join(dir, r.profile);
    await mkdir(rungDir, { recursive: true });
    const keyInfo = path.join(dir, `.keyinfo-${r.profile}`);
    keyInfos.push(keyInfo);
    // line 1: URI written into the playlist (relative!), line 2: where ffmpeg reads the key, line 3: IV
    await writeFile(keyInfo, `${KEY_URI}\n${keyPath}\n${randomBytes(16).toString('hex')}\n`);
    args.push(
      '-map', `[v${i}]`, '-map', `[as${i}]`,
      '-t', job.durationSeconds.toFixed(3),
      '-map_metadata', '-1', '-map_chapters', '-1',
      '-c:v', 'libx264', '-preset', 'medium', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
      '-threads:v', '2',
      '-crf', String(r.crf), '-maxrate', String(r.maxrate), '-bufsize', String(r.maxrate * 2),
      '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0',
      '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
      '-c:a', 'aac', '-b:a', String(r.audioBitrate), '-ac', '2', '-ar', String(AUDIO_RATE),
      '-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_list_size', '0',
      '-hls_segment_type', 'mpegts', '-hls_flags', 'independent_segments',
      '-hls_key_info_file', keyInfo,
      '-hls_segment_filename', path.join(rungDir, 'seg_%03d.ts'),
      path.join(rungDir, 'index.m3u8'),
    );
  }
  log(`${job.id}: encoding ${LADDER.map((r) => r.profile).join(' / ')} (${job.durationSeconds.toFixed(2)} s)`);
  await run('ffmpeg', args, { label: 'ffmpeg' });
  for (const k of keyInfos) await rm(k, { force: true });

  log(`${job.id}: measuring renditions`);
  const renditions = [];
  for (const r of LADDER) renditions.push(await inspectRendition(dir, r));

  const mpegts = renditions[renditions.length - 1].firstVideoPts;
  if (!Number.isFinite(mpegts) || renditions.some((r) => r.firstVideoPts !== mpegts)) {
    throw new MediaError(`renditions start at different timestamps: ${renditions.map((r) => r.firstVideoPts).join(', ')}`);
  }
  const top = renditions[renditions.length - 1];
  const refDurations = top.segments.map((s) => s.duration);
  for (const r of renditions) {
    const d = r.segments.map((s) => s.duration);
    if (d.length !== refDurations.length || d.some((x, i) => Math.abs(x - refDurations[i]) > 0.05)) {
      throw new MediaError(`${r.profile}: segment boundaries differ from ${top.profile}`);
    }
  }

  const probe = await ffprobe(path.join(dir, top.playlist), [...HLS_IN, '-show_entries', 'format=duration']);
  const durationSeconds = Math.round(Number(probe.format?.duration) * 1000) / 1000;
  if (!(durationSeconds > 0)) throw new MediaError('ffprobe reports no duration for the encoded stream');

  const markers = fitMarkers(job.markers ?? [], durationSeconds, job.frameRate);

  const subtitles = [];
  for (const track of job.subtitles) subtitles.push(await writeSubtitleTrack(dir, track, refDurations, mpegts));

  // BANDWIDTH covers everything a client fetches at once: the variant plus the heaviest subtitle track.
  const subsPeak = Math.ceil(Math.max(0, ...subtitles.map((s) => s.peak)));
  for (const r of renditions) r.bandwidth += subsPeak;
  await writeFile(path.join(dir, 'master.m3u8'), writeMaster(renditions, subtitles, job.frameRate), 'utf8');

  const thumbnails = await writeThumbnails({
    streamDir: dir,
    thumbsDir: path.join(dir, 'thumbs'),
    playlist: top.playlist,
    durationSeconds,
    log: (line) => log(`${job.id}: ${line}`),
  });

  const manifest = {
    id: job.id,
    name: job.name,
    durationSeconds,
    master: 'master.m3u8',
    renditions: renditions.map((r) => ({
      profile: r.profile,
      width: r.width,
      height: r.height,
      bandwidth: r.bandwidth,
      averageBandwidth: r.averageBandwidth,
      codecs: r.codecs,
      frameRate: Math.round(job.frameRate * 1000) / 1000,
      playlist: r.playlist,
    })),
    subtitles: subtitles.map((s) => ({ language: s.language, name: s.name, playlist: s.playlist })),
    ...(markers.length ? { markers } : {}),
    encryption: 'aes-128',
    segmentSeconds: SEGMENT_SECONDS,
    timestampMap: { mpegts, local: '00:00:00.000' },
    thumbnails,
  };
  await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');

  // Last gate before the swap: a real HLS client opens the master and sees video and audio.
  const check = await ffprobe(path.join(dir, 'master.m3u8'), [...HLS_IN, '-show_entries', 'stream=codec_type']);
  const types = new Set((check.streams ?? []).map((s) => s.codec_type));
  if (!types.has('video') || !types.has('audio')) throw new MediaError('ffprobe cannot read video and audio from master.m3u8');

  for (const r of renditions) {
    log(
      `${job.id}: ${r.profile} ${r.width}x${r.height} ${r.codecs} peak ${(r.bandwidth / 1000).toFixed(0)} kb/s` +
        ` avg ${(r.averageBandwidth / 1000).toFixed(0)} kb/s, ${r.segments.length} segments`,
    );
  }
  return manifest;
}
