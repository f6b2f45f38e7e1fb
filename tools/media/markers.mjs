// Skip markers of a stream: the recap, intro and credits a player can offer to skip.
//
// manifest.json carries them as `markers: [{ type, start, end }]` in seconds of the stream, sorted
// by start, non-overlapping, 0 <= start < end <= durationSeconds (BRIEF "Shared formats").
// This module reads them from the command line (`--intro 0:05-0:35`) and checks a list of them.

import { MediaError } from './media-error.mjs';

export const MARKER_TYPES = /** @type {const} */ (['recap', 'intro', 'credits']);

/** @typedef {'recap' | 'intro' | 'credits'} MarkerType */
/** @typedef {{ type: MarkerType, start: number, end: number }} Marker */

// `s`, `m:ss` or `h:mm:ss`, each with an optional fraction: 75, 1:15, 0:01:15.5
const TIME = /^(?:(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)|(\d+):([0-5]\d(?:\.\d+)?)|(\d+(?:\.\d+)?))$/;

/**
 * Seconds from `s`, `m:ss` or `h:mm:ss` (fractions allowed on the seconds), or null when malformed.
 * @param {string} text
 * @returns {number | null}
 */
export function parseTime(text) {
  const m = TIME.exec(String(text).trim());
  if (!m) return null;
  const [, h, hm, hs, m2, ms, s] = m;
  const seconds = h !== undefined ? Number(h) * 3600 + Number(hm) * 60 + Number(hs) : m2 !== undefined ? Number(m2) * 60 + Number(ms) : Number(s);
  // Keep what was typed: 1:02.5 is 62.5, not 62.50000000001.
  return Math.round(seconds * 1000) / 1000;
}

/**
 * A marker from `--<type> <start>-<end>`; throws a one-line MediaError naming the flag.
 * @param {MarkerType} type
 * @param {string} range
 * @returns {Marker}
 */
export function parseMarker(type, range) {
  const parts = String(range).split('-');
  if (parts.length !== 2) throw new MediaError(`--${type}: expected <start>-<end> (e.g. 0:05-0:35), got "${range}"`);
  const [start, end] = parts.map(parseTime);
  for (const [i, value] of [start, end].entries()) {
    if (value === null) throw new MediaError(`--${type}: not a time: "${parts[i]}" (use s, m:ss or h:mm:ss, e.g. 75, 1:15 or 1:02.5)`);
  }
  if (start >= end) throw new MediaError(`--${type}: the start (${parts[0]}) must come before the end (${parts[1]})`);
  return { type, start, end };
}

/**
 * The markers sorted by start, or a MediaError when one is unknown, repeated, inverted, outside
 * [0, durationSeconds] or overlapping another. Pass durationSeconds = Infinity to check all but the end.
 * @param {readonly { type: string, start: number, end: number }[]} markers  as read, from anywhere
 * @param {number} durationSeconds
 * @returns {Marker[]}
 */
export function validateMarkers(markers, durationSeconds) {
  if (!Array.isArray(markers)) throw new MediaError('markers must be a list');
  const seen = new Set();
  for (const m of markers) {
    if (!MARKER_TYPES.includes(/** @type {MarkerType} */ (m?.type))) throw new MediaError(`unknown marker type: "${m?.type}" (known: ${MARKER_TYPES.join(', ')})`);
    if (seen.has(m.type)) throw new MediaError(`the ${m.type} marker is given twice`);
    seen.add(m.type);
    if (!Number.isFinite(m.start) || !Number.isFinite(m.end) || m.start < 0) {
      throw new MediaError(`${m.type} marker: start and end must be seconds from 0, got ${m.start}-${m.end}`);
    }
    if (m.start >= m.end) throw new MediaError(`${m.type} marker: the start (${m.start} s) must come before the end (${m.end} s)`);
    if (m.end > durationSeconds) {
      throw new MediaError(`${m.type} marker ends at ${m.end} s, past the end of the video (${durationSeconds} s)`);
    }
  }
  const sorted = markers
    .map(({ type, start, end }) => ({ type: /** @type {MarkerType} */ (type), start, end }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (b.start < a.end) throw new MediaError(`the ${a.type} (${a.start}-${a.end} s) and ${b.type} (${b.start}-${b.end} s) markers overlap`);
  }
  return sorted;
}

/**
 * The programme's body: after the recap and intro, before the credits (where subtitles belong).
 * @param {readonly Marker[]} markers
 * @param {number} durationSeconds
 * @returns {{ from: number, to: number }}
 */
export function bodyWindow(markers, durationSeconds) {
  const from = Math.max(0, ...markers.filter((m) => m.type !== 'credits').map((m) => m.end));
  const credits = markers.find((m) => m.type === 'credits');
  const to = credits && credits.start > from ? credits.start : durationSeconds;
  return { from, to };
}
