/** Shaka's error categories (shaka.util.Error.Category), as the viewer should hear them. */
const CATEGORY_MESSAGES: Record<number, string> = {
  1: 'The video could not be downloaded. Check your connection and try again.',
  2: 'This video’s subtitles could not be read.',
  3: 'This video could not be decoded in this browser.',
  4: 'This video’s playlist could not be read.',
  5: 'The stream could not be started.',
  6: 'This video is protected in a way this browser cannot play.',
  7: 'The player ran out of buffer space.',
  8: 'Casting failed.',
  9: 'Saved downloads are not available.',
  10: 'Ad playback failed.',
};

export interface PlayerErrorLike {
  category?: number;
  code?: number;
}

export function playbackErrorMessage(error: PlayerErrorLike | null | undefined): string {
  const text = (error?.category !== undefined && CATEGORY_MESSAGES[error.category]) || 'Playback stopped unexpectedly.';
  return error?.code !== undefined ? `${text} (error ${error.code})` : text;
}

/** Shaka's BAD_HTTP_STATUS carrying 403: the server refused the signed stream link (expired, most likely). */
export function isRefusedLink(error: { code?: number; data?: unknown[] } | null | undefined): boolean {
  return error?.code === 1001 && Array.isArray(error.data) && error.data[1] === 403;
}
