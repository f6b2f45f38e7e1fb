import type { StreamMarkerDto } from '@streaming/api';

/** The markers a viewer may skip; the credits are the up-next card's (see `up-next-countdown.ts`). */
export type SkippableMarker = StreamMarkerDto & { type: 'intro' | 'recap' };

const LABELS: Record<SkippableMarker['type'], string> = { intro: 'Skip intro', recap: 'Skip recap' };

function isSkippable(marker: StreamMarkerDto): marker is SkippableMarker {
  return marker.type === 'intro' || marker.type === 'recap';
}

/**
 * The intro or recap the position is inside (from its start up to, not including, its end), or null.
 * Skipping it seeks to its end, which is outside it: the button goes away as the viewer lands.
 */
export function skippableMarkerAt(markers: readonly StreamMarkerDto[], position: number): SkippableMarker | null {
  if (!Number.isFinite(position)) return null;
  return markers.filter(isSkippable).find((marker) => marker.start <= position && position < marker.end) ?? null;
}

/** "Skip intro" or "Skip recap". */
export function skipLabel(marker: SkippableMarker): string {
  return LABELS[marker.type];
}
