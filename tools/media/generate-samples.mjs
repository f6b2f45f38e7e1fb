#!/usr/bin/env node
// npm run media:samples
//
// Synthesises the sample programmes prog-01..prog-04 with ffmpeg's lavfi sources and packages each
// into server/media/programmes/<id>/ (HLS ladder, AES-128, WebVTT en/es, master.m3u8, manifest.json).
// Optional arguments: programme ids to (re)build only those, e.g. `npm run media:samples -- prog-02`.
// `--thumbnails` remakes only the trickplay sprites and their WebVTT index of the (named) programmes,
// from the committed streams, without re-encoding them (seconds instead of minutes).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MediaError, addThumbnails, findFont, packageStream, requireTools, runCli, spreadCues } from './hls-ladder.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(ROOT, 'server', 'media', 'programmes');
const FPS = 25;
const SIZE = '1280x720';

/** Each scene is a filter chain producing 1280x720 at 25 fps; all are different lavfi generators. */
const PROGRAMMES = [
  {
    id: 'prog-01',
    name: 'Aurora Drift',
    seconds: 36,
    toneHz: 262,
    scene:
      `gradients=s=${SIZE}:r=${FPS}:n=4:c0=0x0b1d3a:c1=0x1fa37a:c2=0x7b3fbf:c3=0x0d4f6b` +
      ':seed=11:speed=0.015:type=radial',
    en: [
      'The sky over the northern station turned green again.',
      'Nobody remembers who switched the lights on.',
      'Keep the sled pointed at the brightest ribbon.',
      'If it fades, we wait. It always comes back.',
      'There it is, drifting west, right on time.',
    ],
    es: [
      'El cielo sobre la estación del norte volvió a ponerse verde.',
      'Nadie recuerda quién encendió las luces.',
      'Mantén el trineo apuntando a la cinta más brillante.',
      'Si se apaga, esperamos. Siempre regresa.',
      'Ahí está, a la deriva hacia el oeste, justo a tiempo.',
    ],
  },
  {
    id: 'prog-02',
    name: 'Neon Harbor',
    seconds: 34,
    toneHz: 330,
    scene:
      `nullsrc=s=320x180:r=${FPS},geq=` +
      "lum='12+190*exp(-pow(Y-55-18*sin(X/23+T*1.3),2)/6)+150*exp(-pow(Y-105-14*sin(X/31-T*0.9),2)/5)" +
      "+120*exp(-pow(Y-148-10*sin(X/17+T*2.1),2)/4)'" +
      ":cb='150+50*sin(X/40+T*0.5)':cr='128+60*cos(Y/35-T*0.4)'," +
      `scale=${SIZE.replace('x', ':')}:flags=bicubic`,
    en: [
      'Every boat in this harbor hums a different note.',
      'The ferry leaves at midnight, lights or no lights.',
      'Follow the pink line until the water goes quiet.',
      'Someone is signalling from the old crane.',
      'Tonight the tide writes in neon.',
    ],
    es: [
      'Cada barco de este puerto zumba una nota distinta.',
      'El ferri sale a medianoche, con luces o sin ellas.',
      'Sigue la línea rosa hasta que el agua se calme.',
      'Alguien hace señales desde la vieja grúa.',
      'Esta noche la marea escribe en neón.',
    ],
  },
  {
    id: 'prog-03',
    name: 'Copper Canyon',
    seconds: 38,
    toneHz: 392,
    scene:
      // 16 px cells, a new row every 0.1 s: big flat blocks that every rung can code cheaply
      'cellauto=s=80x45:r=10:rule=110:random_fill_ratio=0.5:random_seed=7:scroll=1,' +
      `fps=${FPS},scale=${SIZE.replace('x', ':')}:flags=neighbor,format=rgb24,` +
      'colorchannelmixer=rr=0.80:rg=0:rb=0:gr=0.45:gg=0:gb=0:br=0.20:bg=0:bb=0',
    en: [
      'The canyon walls remember every storm.',
      'Rule one hundred and ten: the rock grows by itself.',
      'Do not drink from the copper stream.',
      'Listen. The echo answers a second late.',
      'We camp where the pattern repeats.',
      'By morning the map has changed again.',
    ],
    es: [
      'Las paredes del cañón recuerdan cada tormenta.',
      'Regla ciento diez: la roca crece sola.',
      'No bebas del arroyo de cobre.',
      'Escucha. El eco responde un segundo tarde.',
      'Acampamos donde se repite el patrón.',
      'Por la mañana el mapa ha vuelto a cambiar.',
    ],
  },
  {
    id: 'prog-04',
    name: 'Tidal Glass',
    seconds: 32,
    toneHz: 523,
    scene:
      `nullsrc=s=320x180:r=${FPS},geq=` +
      "r='clip(40+50*sin(X/19+T*0.5)*cos(Y/23-T*0.35),0,255)'" +
      ":g='130+80*sin((X+Y)/29+T*0.45)'" +
      ":b='170+70*sin(hypot(X-160,Y-90)/17-T*0.8)'," +
      `scale=${SIZE.replace('x', ':')}:flags=bicubic`,
    en: [
      'At low tide the sea leaves its windows behind.',
      'Look through one and you see yesterday.',
      'Careful. The glass is thinner near the edge.',
      'The water is coming back for it.',
    ],
    es: [
      'Con la marea baja, el mar deja atrás sus ventanas.',
      'Mira a través de una y verás el día de ayer.',
      'Cuidado. El cristal es más fino cerca del borde.',
      'El agua vuelve a buscarlo.',
    ],
  },
];

function programmeFilter(p, font) {
  if (!/^[A-Za-z0-9 ]+$/.test(p.name)) throw new MediaError(`programme name must be plain letters: ${p.name}`);
  const title =
    `drawtext=fontfile=${font}:text='${p.name}':fontsize=112:fontcolor=white:borderw=5:bordercolor=black@0.6` +
    ':shadowx=4:shadowy=4:shadowcolor=black@0.4:x=(w-tw)/2:y=(h-th)/2-20';
  const timecode =
    `drawtext=fontfile=${font}:timecode='00\\:00\\:00\\:00':rate=${FPS}:fontsize=40:fontcolor=white` +
    ':box=1:boxcolor=black@0.5:boxborderw=10:x=40:y=40';
  const label =
    `drawtext=fontfile=${font}:text='${p.id}':fontsize=32:fontcolor=white@0.85` +
    ':box=1:boxcolor=black@0.5:boxborderw=10:x=w-tw-40:y=40';
  return (
    `${p.scene},${title},${timecode},${label},fps=${FPS},format=yuv420p[vsrc];` +
    `sine=frequency=${p.toneHz}:sample_rate=48000,volume=0.9,aformat=channel_layouts=stereo[asrc]`
  );
}

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
    const manifest = await packageStream({
      id: p.id,
      name: p.name,
      destDir: path.join(OUT, p.id),
      inputArgs: [],
      filter: programmeFilter(p, font),
      durationSeconds: p.seconds,
      frameRate: FPS,
      subtitles: [
        { language: 'en', name: 'English', cues: spreadCues(p.en, p.seconds) },
        { language: 'es', name: 'Español', cues: spreadCues(p.es, p.seconds) },
      ],
    });
    console.log(
      `${p.id}: "${p.name}" ${manifest.durationSeconds} s done in ${((Date.now() - started) / 1000).toFixed(0)} s` +
        ` -> ${path.relative(ROOT, path.join(OUT, p.id))}`,
    );
  }
}

runCli('media:samples', main);
