/** A stretch of a programme the player treats specially, in seconds of the stream (see `/play/start`). */
export interface PlaybackMarker {
  type: 'intro' | 'recap' | 'credits';
  start: number;
  end: number;
}
