/** Where an episode sits in its series. */
export interface EpisodePlace {
  season: number;
  number: number;
}

/** Season 1, episode 4 → "S1:E4". */
export function episodeCode(episode: EpisodePlace): string {
  return `S${episode.season}:E${episode.number}`;
}

/** "S1:E4 · The Long Night". */
export function episodeHeading(episode: EpisodePlace & { name: string }): string {
  return `${episodeCode(episode)} · ${episode.name}`;
}

/** 1 → "1 season"; 3 → "3 seasons". */
export function seasonsLabel(count: number): string {
  return count === 1 ? '1 season' : `${count} seasons`;
}
