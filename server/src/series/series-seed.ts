import curated from '../catalog/data/curated-series.json';
import { CatalogRepository } from '../catalog/catalog.repository';
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

/** The curated episodes of the titles this catalog holds (a catalog smaller than the curated 100 lacks some series). */
export async function curatedEpisodesIn(catalog: CatalogRepository): Promise<Episode[]> {
  const all = curatedEpisodes();
  const held = new Set((await catalog.findMany([...new Set(all.map((episode) => episode.titleId))])).map((title) => title.id));
  return all.filter((episode) => held.has(episode.titleId));
}
