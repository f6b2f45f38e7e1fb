/** One episode of a series, as stored. */
export interface Episode {
  /** `<titleId>-s<season>e<number>`, e.g. `tt1003-s1e4`. */
  id: string;
  titleId: string;
  season: number;
  number: number;
  name: string;
  synopsis: string;
  runtimeMinutes: number;
}

/** Episode ids have one fixed shape that other tools (media:ingest, the app) rely on. */
export const EPISODE_ID_PATTERN = /^(tt\d{1,9})-s(\d{1,2})e(\d{1,3})$/;

export function episodeId(titleId: string, season: number, number: number): string {
  return `${titleId}-s${season}e${number}`;
}

/** Orders episodes as a viewer watches them: by season, then by number. */
export function inViewingOrder(a: Pick<Episode, 'season' | 'number'>, b: Pick<Episode, 'season' | 'number'>): number {
  return a.season - b.season || a.number - b.number;
}
