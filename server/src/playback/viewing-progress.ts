/** Where one viewer is in one title. */
export interface ViewingProgress {
  profileId: string;
  titleId: string;
  /** Seconds into the stream. */
  position: number;
  /** The stream's real length in seconds. */
  duration: number;
  completed: boolean;
  /** Unix milliseconds of the heartbeat that set this. */
  updatedAt: number;
}
