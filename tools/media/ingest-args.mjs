// The command line of `npm run media:ingest`: a video file, a title or episode id, and optional
// skip markers (`--intro 0:05-0:35`, `--recap a-b`, `--credits a-b`, also as `--intro=a-b`).
// Everything that can be checked without the video is checked here, before any tool runs.

import { MediaError } from './media-error.mjs';
import { MARKER_TYPES, parseMarker, validateMarkers } from './markers.mjs';

export const USAGE =
  'usage: npm run media:ingest -- <video file> <titleId | titleId-s<season>e<episode>> [--recap a-b] [--intro a-b] [--credits a-b]';

const FLAGS = MARKER_TYPES.map((type) => `--${type}`);

/**
 * @param {string[]} argv  the arguments after the script
 * @returns {{ file: string, id: string, markers: import('./markers.mjs').Marker[] }}
 */
export function parseIngestArgs(argv) {
  const positional = [];
  /** @type {Map<import('./markers.mjs').MarkerType, string>} */
  const ranges = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!/^--?[A-Za-z]/.test(arg)) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (!FLAGS.includes(flag)) throw new MediaError(`unknown flag: ${flag} (known: ${FLAGS.join(', ')})`);
    const type = /** @type {import('./markers.mjs').MarkerType} */ (flag.slice(2));
    if (ranges.has(type)) throw new MediaError(`${flag} is given twice`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new MediaError(`${flag} needs a range <start>-<end>, e.g. ${flag} 0:05-0:35`);
    ranges.set(type, value);
  }
  if (positional.length !== 2) throw new MediaError(USAGE);
  const markers = [...ranges].map(([type, range]) => parseMarker(type, range));
  // Overlaps now; the end of the video once ffprobe has measured it.
  validateMarkers(markers, Infinity);
  const [file, id] = positional;
  return { file, id, markers };
}
