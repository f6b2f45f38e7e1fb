import { Episode, episodeId } from '../../src/series/episode';

/** The episodes of a series for unit tests: `episodesPerSeason[i]` episodes in season i + 1, named `S<season>E<number>`. */
export function aSeries(titleId: string, episodesPerSeason: number[]): Episode[] {
  return episodesPerSeason.flatMap((count, index) =>
    Array.from({ length: count }, (_, episodeIndex) => {
      const season = index + 1;
      const number = episodeIndex + 1;
      return { id: episodeId(titleId, season, number), titleId, season, number, name: `S${season}E${number}`, synopsis: '', runtimeMinutes: 30 };
    }),
  );
}
