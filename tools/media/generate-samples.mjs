#!/usr/bin/env node
// npm run media:samples
//
// Synthesises the sample programmes prog-01..prog-04 (sample-programmes.mjs: a cold open, a title
// sequence, the body and rolling credits, one with a recap) with ffmpeg's lavfi sources and packages
// each into server/media/programmes/<id>/ (HLS ladder, AES-128, WebVTT en/es, master.m3u8,
// manifest.json with the recap/intro/credits markers).
// Optional arguments: programme ids to (re)build only those, e.g. `npm run media:samples -- prog-02`.
// `--thumbnails` remakes only the trickplay sprites and their WebVTT index of the (named) programmes,
// from the committed streams, without re-encoding them (seconds instead of minutes).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MediaError, addThumbnails, findFont, packageStream, requireTools, runCli, spreadCues } from './hls-ladder.mjs';
import { FPS, PROGRAMMES, programmeFilter, timeline } from './sample-programmes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'server', 'media', 'programmes');

async function main() {
  const args = process.argv.slice(2);
  const thumbnailsOnly = args.includes('--thumbnails');
  const wanted = args.filter((arg) => arg !== '--thumbnails');
  const unknown = wanted.filter((id) => !PROGRAMMES.some((p) => p.id === id));
  if (unknown.length) throw new MediaError(`unknown programme id(s): ${unknown.join(', ')} (known: ${PROGRAMMES.map((p) => p.id).join(', ')})`);
  const list = wanted.length ? PROGRAMMES.filter((p) => wanted.includes(p.id)) : PROGRAMMES;
  if (thumbnailsOnly) {
    requireTools();
    for (const p of list) await addThumbnails(path.join(OUT, p.id), (line) => console.log(`${p.id}: ${line}`));
    return;
  }
  requireTools({ drawtext: true });
  const font = findFont();
  for (const p of list) {
    const started = Date.now();
    const { seconds, body, markers } = timeline(p);
    const manifest = await packageStream({
      id: p.id,
      name: p.name,
      destDir: path.join(OUT, p.id),
      inputArgs: [],
      filter: programmeFilter(p, font),
      durationSeconds: seconds,
      frameRate: FPS,
      // The lines belong to the story: over the body, never over the recap, intro or credits.
      subtitles: [
        { language: 'en', name: 'English', cues: spreadCues(p.en, seconds, body) },
        { language: 'es', name: 'Español', cues: spreadCues(p.es, seconds, body) },
      ],
      markers,
    });
    console.log(
      `${p.id}: "${p.name}" ${manifest.durationSeconds} s, markers ${(manifest.markers ?? []).map((m) => `${m.type} ${m.start}-${m.end}`).join(', ')}, done in ${((Date.now() - started) / 1000).toFixed(0)} s` +
        ` -> ${path.relative(ROOT, path.join(OUT, p.id))}`,
    );
  }
}

runCli('media:samples', main);
