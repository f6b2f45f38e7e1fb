#!/usr/bin/env node
// npm run media:ingest -- <video file> <titleId | episodeId> [--recap a-b] [--intro a-b] [--credits a-b]
//
// Packages any real video into $MEDIA_DIR/titles/<id>/ with the same layout as the sample
// programmes: a 360p/540p/720p H.264 + AAC HLS ladder (letterboxed to 16:9), AES-128, en/es WebVTT
// tracks, master.m3u8 and manifest.json (with the skip markers given). An episode id is
// <titleId>-s<season>e<number>, e.g. tt1003-s1e4. The folder is built next to its final place and swapped in
// atomically; on any failure the previous version stays and nothing half-written is left behind.
// Bad input ends with one line on stderr and exit code 1.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MediaError, ffprobe, packageStream, requireTools, runCli, spreadCues } from './hls-ladder.mjs';
import { parseIngestArgs } from './ingest-args.mjs';
import { bodyWindow, validateMarkers } from './markers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The same MEDIA_DIR the API reads (relative to the workspace root), so an ingest lands where it is served.
const MEDIA_DIR = path.resolve(ROOT, process.env.MEDIA_DIR?.trim() || path.join('server', 'media'));
const TITLES_DIR = path.join(MEDIA_DIR, 'titles');
const CATALOG_DATA = path.join(ROOT, 'server', 'src', 'catalog', 'data');
const CURATED = path.join(CATALOG_DATA, 'curated-titles.json');
// Which seasons and episodes each series has; CURATED_SERIES_FILE points elsewhere (tests, a draft).
const CURATED_SERIES = path.resolve(ROOT, process.env.CURATED_SERIES_FILE?.trim() || path.join(CATALOG_DATA, 'curated-series.json'));
const FIRST_ID = 1000;
const DEFAULT_CATALOG_SIZE = 100;
const EPISODE_ID = /^(tt\d+)-s([1-9]\d*)e([1-9]\d*)$/;

// ---------------------------------------------------------------------------------------------
// Title ids

function catalogSize() {
  const raw = process.env.CATALOG_SIZE;
  if (raw === undefined || raw === '') return null;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1) {
    throw new MediaError(`CATALOG_SIZE must be a positive integer, got "${raw}"`);
  }
  return Number(raw);
}

/** The JSON list in `file`, or null when there is no such file. */
function readList(file) {
  if (!existsSync(file)) return null;
  let list;
  try {
    list = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new MediaError(`cannot read ${path.relative(ROOT, file)}: ${err.message}`);
  }
  if (!Array.isArray(list)) throw new MediaError(`${path.relative(ROOT, file)} is not an array`);
  return list;
}

function loadCurated() {
  const list = readList(CURATED);
  if (!list) return null;
  const byId = new Map();
  for (const t of list) if (t && typeof t.id === 'string') byId.set(t.id, t);
  return byId;
}

/** `lo..hi` of a list of numbers, for messages. */
function span(numbers) {
  return numbers.length ? `${Math.min(...numbers)}..${Math.max(...numbers)}` : 'none';
}

/**
 * Returns { id, name } for a title id or an episode id (<titleId>-s<season>e<number>), or throws
 * "unknown title" / "unknown episode". Episodes are checked against curated-series.json when it exists.
 */
function resolveId(id) {
  const episode = EPISODE_ID.exec(id);
  if (!episode) return resolveTitle(id);
  const [, titleId, seasonText, numberText] = episode;
  const title = resolveTitle(titleId);
  const [season, number] = [Number(seasonText), Number(numberText)];
  const tag = `S${season}:E${number}`;
  const series = readList(CURATED_SERIES);
  if (!series) return { id, name: `${title.name} ${tag}` };
  const where = path.relative(ROOT, CURATED_SERIES);
  const entry = series.find((s) => s?.titleId === titleId);
  if (!entry) throw new MediaError(`unknown episode: "${id}" (${titleId} is not a series in ${where})`);
  const seasons = Array.isArray(entry.seasons) ? entry.seasons : [];
  const s = seasons.find((x) => x?.number === season);
  if (!s) throw new MediaError(`unknown episode: "${id}" (${titleId} has seasons ${span(seasons.map((x) => x?.number).filter(Number.isInteger))})`);
  const episodes = Array.isArray(s.episodes) ? s.episodes : [];
  const e = episodes.find((x) => x?.number === number);
  if (!e) {
    throw new MediaError(`unknown episode: "${id}" (season ${season} of ${titleId} has episodes ${span(episodes.map((x) => x?.number).filter(Number.isInteger))})`);
  }
  const episodeName = typeof e.name === 'string' && e.name.trim() ? ` ${e.name.trim()}` : '';
  return { id, name: `${title.name} ${tag}${episodeName}` };
}

/** Returns { id, name } or throws "unknown title". */
function resolveTitle(titleId) {
  const curated = loadCurated();
  const size = catalogSize();
  const match = /^tt([1-9]\d{3,})$/.exec(titleId);
  const n = match ? Number(match[1]) : NaN;
  // Without curated data the curated range is tt1000..tt1099; CATALOG_SIZE widens it to generated titles.
  const rangeSize = size ?? (curated ? 0 : DEFAULT_CATALOG_SIZE);
  const inRange = match !== null && n >= FIRST_ID && n <= FIRST_ID + rangeSize - 1;
  const entry = curated?.get(titleId);
  if (!entry && !inRange) {
    const nums = [...(curated?.keys() ?? [])].map((id) => Number(id.slice(2))).filter(Number.isFinite);
    if (rangeSize > 0) nums.push(FIRST_ID, FIRST_ID + rangeSize - 1);
    const known = nums.length ? `known ids: tt${Math.min(...nums)}..tt${Math.max(...nums)}` : 'no titles known';
    throw new MediaError(`unknown title: "${titleId}" (${known})`);
  }
  const name = [entry?.name, entry?.title].find((v) => typeof v === 'string' && v.trim()) ?? `Title ${titleId}`;
  return { id: titleId, name: name.trim() };
}

// ---------------------------------------------------------------------------------------------
// Source analysis

function parseRate(text) {
  const m = /^(\d+)(?:\/(\d+))?$/.exec(String(text ?? ''));
  if (!m) return null;
  const num = Number(m[1]);
  const den = m[2] === undefined ? 1 : Number(m[2]);
  if (!num || !den) return null;
  return { num, den, value: num / den };
}

/** Output frame rate: the source's if sane, halved above 30 fps, 25 when unknown. */
function chooseFrameRate(video) {
  const r = parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate);
  if (!r || r.value < 10 || r.value > 121) return { expr: '25', value: 25 };
  if (r.value > 30.5) return { expr: `${r.num}/${r.den * 2}`, value: r.value / 2 };
  return { expr: `${r.num}/${r.den}`, value: r.value };
}

async function analyse(file) {
  let info;
  try {
    info = await ffprobe(file, ['-show_format', '-show_streams']);
  } catch {
    throw new MediaError(`not a video: ${file} (ffprobe cannot read it)`);
  }
  const streams = info.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) throw new MediaError(`not a video: ${file} (ffprobe finds no video stream)`);
  const format = String(info.format?.format_name ?? '');
  if (/(^|,)image2($|,)|_pipe($|,)/.test(format) || Number(video.nb_frames) === 1) {
    throw new MediaError(`not a video: ${file} (a still image)`);
  }
  const duration = [video.duration, info.format?.duration].map(Number).find((d) => Number.isFinite(d) && d > 0);
  if (!duration) throw new MediaError(`cannot tell how long ${file} is (ffprobe reports no duration)`);
  if (duration < 1) throw new MediaError(`too short to stream: ${file} (${duration.toFixed(2)} s)`);
  const audio = streams.find((s) => s.codec_type === 'audio');
  return { video, audio, duration, fps: chooseFrameRate(video) };
}

function sourceFilter({ video, audio, duration, fps }) {
  const v = [`[0:${video.index}]`];
  const chain = [];
  if (['tt', 'bb', 'tb', 'bt'].includes(video.field_order)) chain.push('bwdif=mode=send_frame:deint=interlaced');
  const sar = parseRate(String(video.sample_aspect_ratio ?? '').replace(':', '/'));
  if (sar && sar.num !== sar.den) chain.push(`scale=trunc(iw*${sar.num}/${sar.den}/2)*2:ih`); // anamorphic → square pixels
  chain.push('setsar=1', `fps=${fps.expr}`, 'format=yuv420p');
  const videoPart = `${v[0]}${chain.join(',')}[vsrc]`;
  const audioPart = audio
    ? `[0:${audio.index}]aresample=48000:async=1:first_pts=0,aformat=sample_fmts=fltp:channel_layouts=stereo,apad[asrc]`
    : 'anullsrc=r=48000:cl=stereo[asrc]';
  return { filter: `${videoPart};${audioPart}`, durationSeconds: duration };
}

/** Placeholder lines over the body of the video (after a recap or intro, before the credits). */
function subtitleLines(name, duration, window) {
  const en = [name, `You are watching ${name}.`, `${name}: English subtitles.`, `Still watching ${name}.`];
  const es = [name, `Estás viendo ${name}.`, `${name}: subtítulos en español.`, `Sigues viendo ${name}.`];
  const count = Math.max(1, Math.min(60, Math.floor((window.to - window.from) / 12)));
  const pick = (list) => Array.from({ length: count }, (_, i) => (i === 0 ? list[0] : list[1 + ((i - 1) % (list.length - 1))]));
  return [
    { language: 'en', name: 'English', cues: spreadCues(pick(en), duration, window) },
    { language: 'es', name: 'Español', cues: spreadCues(pick(es), duration, window) },
  ];
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { file: fileArg, id, markers: given } = parseIngestArgs(process.argv.slice(2));

  requireTools();
  const title = resolveId(id);

  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), fileArg);
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new MediaError(`file not found: ${fileArg}`);
  }
  if (!st.isFile()) throw new MediaError(`not a file: ${fileArg}`);

  const source = await analyse(file);
  const { filter, durationSeconds } = sourceFilter(source);
  const markers = validateMarkers(given, durationSeconds);
  console.log(
    `${title.id}: "${title.name}" from ${path.basename(file)}: ${source.video.codec_name} ` +
      `${source.video.width}x${source.video.height} @ ${source.fps.value.toFixed(3)} fps, ` +
      `${source.audio ? `${source.audio.codec_name} audio` : 'no audio (adding silence)'}, ${durationSeconds.toFixed(2)} s`,
  );
  if (durationSeconds < 30) {
    console.log(`${title.id}: note: shorter than 30 s; the playback contract asks for 30 s or longer`);
  }

  const dest = path.join(TITLES_DIR, title.id);
  const manifest = await packageStream({
    id: title.id,
    name: title.name,
    destDir: dest,
    inputArgs: ['-i', file],
    filter,
    durationSeconds,
    frameRate: source.fps.value,
    subtitles: subtitleLines(title.name, durationSeconds, bodyWindow(markers, durationSeconds)),
    markers,
  });
  const marked = (manifest.markers ?? []).map((m) => `${m.type} ${m.start}-${m.end} s`).join(', ');
  console.log(`${title.id}: done, ${manifest.durationSeconds} s${marked ? `, markers ${marked}` : ''} -> ${path.relative(ROOT, dest)}/master.m3u8`);
}

runCli('media:ingest', main);
