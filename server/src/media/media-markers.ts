import { MEDIA_MARKER_TYPES, MediaMarker, MediaMarkerType } from './media-manifest';

export interface CheckedMarkers {
  markers: MediaMarker[];
  /** Why each marker left out was left out, for a warning. */
  refused: string[];
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The usable markers of a manifest's `markers` field: each must have a known type and
 * `0 <= start < end <= durationSeconds`, and none may overlap the one before it once sorted by start.
 * Anything else is left out with its reason, so one bad marker never costs the stream its others.
 */
export function checkMarkers(raw: unknown, durationSeconds: number): CheckedMarkers {
  if (raw === undefined) return { markers: [], refused: [] };
  if (!Array.isArray(raw)) return { markers: [], refused: ['markers is not a list'] };
  const refused: string[] = [];
  const wellFormed: MediaMarker[] = [];
  raw.forEach((entry: unknown, index) => {
    const marker = (entry ?? {}) as Partial<Record<keyof MediaMarker, unknown>>;
    const where = `marker ${index}`;
    if (typeof marker.type !== 'string' || !(MEDIA_MARKER_TYPES as readonly string[]).includes(marker.type)) refused.push(`${where}: type must be one of ${MEDIA_MARKER_TYPES.join(', ')}`);
    else if (!isSeconds(marker.start) || !isSeconds(marker.end)) refused.push(`${where}: start and end must be numbers of seconds`);
    else if (marker.start < 0 || marker.start >= marker.end || marker.end > durationSeconds) refused.push(`${where}: needs 0 <= start < end <= ${durationSeconds}`);
    else wellFormed.push({ type: marker.type as MediaMarkerType, start: marker.start, end: marker.end });
  });
  const markers: MediaMarker[] = [];
  for (const marker of wellFormed.sort((a, b) => a.start - b.start)) {
    const previous = markers[markers.length - 1];
    if (previous && marker.start < previous.end) refused.push(`${marker.type} ${marker.start}-${marker.end} overlaps ${previous.type} ${previous.start}-${previous.end}`);
    else markers.push(marker);
  }
  return { markers, refused };
}
