// The sample programmes prog-01..prog-04: what each one is (scene, tones, lines, credits), its
// timeline (recap, cold open, intro, body, credits) and the ffmpeg filter graph that draws it.
//
// Each is made from scratch with lavfi generators. The body is the programme's own scene with its
// name, a timecode and its id; the title sequence is a different animated background (rings and a
// light sweep in the programme's own colours) with the name fading in and its own jingle; the credits
// roll invented names over a near-black background. An optional recap replays the scene in grey
// under "Previously on …" before the cold open.

import { MediaError } from './media-error.mjs';

export const FPS = 25;
const SIZE = '1280x720';
const UPSCALE = `scale=${SIZE.replace('x', ':')}:flags=bicubic`;

/**
 * @typedef {object} SampleProgramme
 * @property {string} id
 * @property {string} name
 * @property {number} toneHz                  the body's steady tone
 * @property {string} scene                   a filter chain producing 1280x720 at FPS
 * @property {number} recapSeconds            0 for none
 * @property {number} coldOpenSeconds
 * @property {number} introSeconds
 * @property {number} bodySeconds
 * @property {number} creditsSeconds
 * @property {{ cb: number, cr: number }} introColour   chroma of the title sequence (YCbCr, 0..255)
 * @property {number} jingleHz                root of the title sequence's arpeggio
 * @property {[string, string][]} credits     role, invented name
 * @property {string[]} en
 * @property {string[]} es
 */

/** @type {SampleProgramme[]} */
export const PROGRAMMES = [
  {
    id: 'prog-01',
    name: 'Aurora Drift',
    toneHz: 262,
    scene:
      `gradients=s=${SIZE}:r=${FPS}:n=4:c0=0x0b1d3a:c1=0x1fa37a:c2=0x7b3fbf:c3=0x0d4f6b` +
      ':seed=11:speed=0.015:type=radial',
    recapSeconds: 6,
    coldOpenSeconds: 4,
    introSeconds: 10,
    bodySeconds: 22,
    creditsSeconds: 6,
    introColour: { cb: 70, cr: 175 }, // amber against the green/violet sky
    jingleHz: 392,
    credits: [
      ['Created by', 'Ilse Marrow'],
      ['Directed by', 'Teodor Vance'],
      ['Northern lights', 'Pia Lundqvist-Hale'],
      ['Sled driver', 'Olek Brand'],
      ['Music', 'The Polar Choir'],
    ],
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
    toneHz: 330,
    scene:
      `nullsrc=s=320x180:r=${FPS},geq=` +
      "lum='12+190*exp(-pow(Y-55-18*sin(X/23+T*1.3),2)/6)+150*exp(-pow(Y-105-14*sin(X/31-T*0.9),2)/5)" +
      "+120*exp(-pow(Y-148-10*sin(X/17+T*2.1),2)/4)'" +
      ":cb='150+50*sin(X/40+T*0.5)':cr='128+60*cos(Y/35-T*0.4)'," +
      UPSCALE,
    recapSeconds: 0,
    coldOpenSeconds: 4,
    introSeconds: 10,
    bodySeconds: 22,
    creditsSeconds: 6,
    introColour: { cb: 100, cr: 100 }, // bright sea-green against the dark harbour
    jingleHz: 440,
    credits: [
      ['Created by', 'Rosa Kettering'],
      ['Directed by', 'Amadou Pell'],
      ['Harbour master', 'Lin Okafor'],
      ['Ferry captain', 'Jonas Wilde'],
      ['Music', 'Night Shift Brass'],
    ],
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
    toneHz: 392,
    scene:
      // 16 px cells, a new row every 0.1 s: big flat blocks that every rung can code cheaply
      'cellauto=s=80x45:r=10:rule=110:random_fill_ratio=0.5:random_seed=7:scroll=1,' +
      `fps=${FPS},scale=${SIZE.replace('x', ':')}:flags=neighbor,format=rgb24,` +
      'colorchannelmixer=rr=0.80:rg=0:rb=0:gr=0.45:gg=0:gb=0:br=0.20:bg=0:bb=0',
    recapSeconds: 0,
    coldOpenSeconds: 5,
    introSeconds: 10,
    bodySeconds: 24,
    creditsSeconds: 6,
    introColour: { cb: 175, cr: 95 }, // sky blue against the copper rock
    jingleHz: 330,
    credits: [
      ['Created by', 'Esperanza Vold'],
      ['Directed by', 'Kit Aramburu'],
      ['Geologist', 'Hamid Farrow'],
      ['Echo', 'Nell Quarry'],
      ['Music', 'Dry Wash Strings'],
    ],
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
    toneHz: 523,
    scene:
      `nullsrc=s=320x180:r=${FPS},geq=` +
      "r='clip(40+50*sin(X/19+T*0.5)*cos(Y/23-T*0.35),0,255)'" +
      ":g='130+80*sin((X+Y)/29+T*0.45)'" +
      ":b='170+70*sin(hypot(X-160,Y-90)/17-T*0.8)'," +
      UPSCALE,
    recapSeconds: 0,
    coldOpenSeconds: 3,
    introSeconds: 9,
    bodySeconds: 20,
    creditsSeconds: 6,
    introColour: { cb: 110, cr: 190 }, // coral red against the sea colours
    jingleHz: 523,
    credits: [
      ['Created by', 'Marguerite Sallow'],
      ['Directed by', 'Yusuf Brine'],
      ['Glassblower', 'Tove Ashgrove'],
      ['The tide', 'Itself'],
      ['Music', 'Low Water Quartet'],
    ],
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

/**
 * Where each part of a programme falls, in seconds: recap (optional), cold open, intro, body, credits.
 * @param {SampleProgramme} p
 */
export function timeline(p) {
  const recap = { start: 0, end: p.recapSeconds };
  const introStart = recap.end + p.coldOpenSeconds;
  const intro = { start: introStart, end: introStart + p.introSeconds };
  const credits = { start: intro.end + p.bodySeconds, end: intro.end + p.bodySeconds + p.creditsSeconds };
  /** @type {import('./markers.mjs').Marker[]} */
  const markers = [
    ...(p.recapSeconds > 0 ? [{ type: /** @type {const} */ ('recap'), ...recap }] : []),
    { type: 'intro', ...intro },
    { type: 'credits', ...credits },
  ];
  return { seconds: credits.end, recap, intro, body: { from: intro.end, to: credits.start }, credits, markers };
}

/** `gte(t,a)*lt(t,b)`: 1 inside [a, b), for enable= and expressions. */
function inside(a, b) {
  return `gte(t,${a})*lt(t,${b})`;
}

function plainText(text, what) {
  if (!/^[A-Za-z0-9 .-]+$/.test(text)) throw new MediaError(`${what} must be plain letters: ${text}`);
  return text;
}

/**
 * The sound: the body's steady tone; in the intro an arpeggio over a drone (notes every 0.25 s, a new
 * chord every 2 s, each note swelling and fading so no step clicks); in the credits a soft chord
 * fading out; in the recap the body tone, quieter. One aevalsrc expression over t.
 * @param {SampleProgramme} p
 * @param {ReturnType<typeof timeline>} tl
 */
function soundExpression(p, tl) {
  const u = `(t-${tl.intro.start})`;
  const pick = (/** @type {number[]} */ values, /** @type {string} */ index) =>
    values.reduceRight((rest, value, i) => (i === values.length - 1 ? String(value) : `if(lt(${index},${i + 1}),${value},${rest})`), '');
  const chord = pick([0, 5, 7, 3], `mod(floor(${u}/2),4)`);
  const arp = pick([0, 4, 7, 12, 16, 12, 7, 4], `mod(floor(${u}*4),8)`);
  const note = `${p.jingleHz}*pow(2,(${chord}+${arp})/12)`;
  const swell = `sin(PI*(${u}*4-floor(${u}*4)))`;
  const intro = `0.16*${swell}*sin(2*PI*${note}*t)+0.06*sin(2*PI*${p.jingleHz / 2}*pow(2,${chord}/12)*t)`;
  const fade = `(${tl.credits.end}-t)/${p.creditsSeconds}`;
  const credits = `0.05*${fade}*(sin(2*PI*${p.toneHz / 2}*t)+sin(2*PI*${((p.toneHz / 2) * 1.5).toFixed(2)}*t))`;
  const body = `0.11*sin(2*PI*${p.toneHz}*t)`;
  const recap = `0.05*sin(2*PI*${p.toneHz}*t)`;
  return (
    `if(${inside(tl.intro.start, tl.intro.end)},${intro},` +
    `if(gte(t,${tl.credits.start}),${credits},` +
    `if(lt(t,${tl.recap.end}),${recap},${body})))`
  );
}

/**
 * The whole graph, ending in [vsrc] (1280x720 at FPS) and [asrc] (stereo 48 kHz).
 * @param {SampleProgramme} p
 * @param {string} font  a filter-safe font path
 */
export function programmeFilter(p, font) {
  const tl = timeline(p);
  const name = plainText(p.name, 'programme name');
  const { intro, credits, recap } = tl;
  const body = `not(${inside(intro.start, intro.end)})*lt(t,${credits.start})*gte(t,${recap.end})`;
  const text = (/** @type {string} */ opts) => `drawtext=fontfile=${font}:${opts}`;

  // Title sequence: rings spreading from the centre and a light band sweeping across, in the
  // programme's own colours; the name fades in and rises, a tagline follows, both fade out.
  const fadeIn = (/** @type {number} */ at) => `clip((t-${at})/1.2,0,1)*clip((${intro.end}-0.3-t)/0.8,0,1)`;
  // Drawn only for the intro's own seconds (geq is costly), then moved to its place on the timeline.
  const introChain = [
    `nullsrc=s=320x180:r=${FPS}:d=${p.introSeconds},geq=` +
      `lum='clip(70+45*sin(hypot(X-160,Y-90)/6-T*5)+110*exp(-pow(X+Y/2-mod(T*140,560)+60,2)/900),0,255)'` +
      `:cb='${p.introColour.cb}+12*sin(X/30+T)':cr='${p.introColour.cr}+12*cos(Y/25-T)'`,
    UPSCALE,
    'format=yuv420p',
    `setpts=PTS+${intro.start}/TB`,
    text(
      `text='${name}':fontsize=124:fontcolor=white:borderw=6:bordercolor=black@0.5` +
        `:x=(w-tw)/2:y='(h-th)/2-30+40*clip(${intro.start + 2.2}-t,0,2)'` +
        `:alpha='${fadeIn(intro.start + 0.8)}':enable='${inside(intro.start, intro.end)}'`,
    ),
    text(
      `text='an original series':fontsize=40:fontcolor=white:x=(w-tw)/2:y=(h/2)+80` +
        `:alpha='${fadeIn(intro.start + 2.5)}':enable='${inside(intro.start, intro.end)}'`,
    ),
  ].join(',');

  // Credits: a heading, then role and name pairs rolling up over near-black.
  const rollStart = 0.85; // of the frame height, where the heading starts
  const speed = 110; // px/s
  const roll = (/** @type {number} */ offset) => `h*${rollStart}-(t-${credits.start})*${speed}+${offset}`;
  const creditLines = [
    text(`text='${name}':fontsize=64:fontcolor=white:x=(w-tw)/2:y='${roll(0)}':enable='gte(t,${credits.start})'`),
    ...p.credits.flatMap(([role, person], i) => [
      text(
        `text='${plainText(role, 'credit role')}':fontsize=30:fontcolor=0xb0b0b8:x=w/2-20-tw:y='${roll(110 + i * 60)}'` +
          `:enable='gte(t,${credits.start})'`,
      ),
      text(
        `text='${plainText(person, 'credit name')}':fontsize=30:fontcolor=white:x=w/2+20:y='${roll(110 + i * 60)}'` +
          `:enable='gte(t,${credits.start})'`,
      ),
    ]),
  ];

  const main = [
    p.scene,
    ...(p.recapSeconds > 0 ? [`hue=s=0:enable='lt(t,${recap.end})'`] : []),
  ].join(',');
  const overlays = [
    text(
      `text='${name}':fontsize=112:fontcolor=white:borderw=5:bordercolor=black@0.6` +
        `:shadowx=4:shadowy=4:shadowcolor=black@0.4:x=(w-tw)/2:y=(h-th)/2-20:enable='${body}'`,
    ),
    ...(p.recapSeconds > 0
      ? [
          text(
            `text='Previously on ${name}':fontsize=56:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=16` +
              `:x=(w-tw)/2:y=h-th-90:enable='lt(t,${recap.end})'`,
          ),
        ]
      : []),
    ...creditLines,
    text(
      `timecode='00\\:00\\:00\\:00':rate=${FPS}:fontsize=40:fontcolor=white` +
        ':box=1:boxcolor=black@0.5:boxborderw=10:x=40:y=40',
    ),
    text(`text='${p.id}':fontsize=32:fontcolor=white@0.85:box=1:boxcolor=black@0.5:boxborderw=10:x=w-tw-40:y=40`),
    `fps=${FPS}`,
    'format=yuv420p',
  ].join(',');

  return [
    `${main}[scene]`,
    `${introChain}[titles]`,
    `color=c=0x08080d:s=${SIZE}:r=${FPS}:d=${p.creditsSeconds},setpts=PTS+${credits.start}/TB[dark]`,
    // eof_action=pass: once the titles (or the dark card) end, the scene shows through again.
    `[scene][titles]overlay=0:0:eof_action=pass:enable='${inside(intro.start, intro.end)}'[withtitles]`,
    `[withtitles][dark]overlay=0:0:eof_action=pass:enable='gte(t,${credits.start})'[cut]`,
    `[cut]${overlays}[vsrc]`,
    `aevalsrc=exprs='${soundExpression(p, tl)}':c=stereo:s=48000,aformat=sample_fmts=fltp:channel_layouts=stereo[asrc]`,
  ].join(';');
}
