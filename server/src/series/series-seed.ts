import curated from '../catalog/data/curated-series.json';
import { Episode, episodeId } from './episode';

/** The shape of data/curated-series.json (media:ingest reads it too). */
export interface CuratedSeries {
  titleId: string;
  seasons: { number: number; episodes: { number: number; name: string; synopsis: string; runtimeMinutes: number }[] }[];
}

const CURATED = curated as CuratedSeries[];

/** Every episode of the curated series, in viewing order per series. */
export function curatedEpisodes(): Episode[] {
  return CURATED.flatMap(({ titleId, seasons }) =>
    seasons.flatMap((season) =>
      season.episodes.map(({ number, name, synopsis, runtimeMinutes }) => ({ id: episodeId(titleId, season.number, number), titleId, season: season.number, number, name, synopsis, runtimeMinutes })),
    ),
  );
}
