import { curatedEpisodes } from '../../src/series/series-seed';

/** Ids of the curated titles that are series: playing one needs an episode, so tests that play any title leave them out. */
export const CURATED_SERIES_IDS: ReadonlySet<string> = new Set(curatedEpisodes().map((episode) => episode.titleId));
