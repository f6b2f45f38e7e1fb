/** A season of a series as a picker shows it. */
export interface Season {
  number: number;
  episodeCount: number;
}
