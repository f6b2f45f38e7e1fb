/**
 * Where one viewer is in one title. For a series this is the entry of the episode watched last:
 * `episodeId` names it and position, duration and completed are that episode's (the episode's own
 * entry is kept too, see EpisodeProgress).
 */
export interface ViewingProgress {
  profileId: string;
  titleId: string;
  /** For a series, the episode this entry is about; absent for a film. */
  episodeId?: string;
  /** Seconds into the stream. */
  position: number;
  /** The stream's real length in seconds. */
  duration: number;
  completed: boolean;
  /** Unix milliseconds of the heartbeat that set this. */
  updatedAt: number;
}

/** Where one viewer is in one episode of a series. */
export type EpisodeProgress = ViewingProgress & { episodeId: string };
