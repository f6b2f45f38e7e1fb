/** What a marker marks: a skippable stretch of the stream. */
export const MEDIA_MARKER_TYPES = ['intro', 'recap', 'credits'] as const;
export type MediaMarkerType = (typeof MEDIA_MARKER_TYPES)[number];

/** A stretch of the stream in seconds (fractions allowed), `0 <= start < end <= durationSeconds`. */
export interface MediaMarker {
  type: MediaMarkerType;
  start: number;
  end: number;
}

/** `manifest.json` beside each packaged programme, written by tools/media. */
export interface MediaManifest {
  id: string;
  name: string;
  /** The stream's real length. */
  durationSeconds: number;
  renditions: { profile: string; width: number; height: number; bandwidth: number; codecs: string; playlist: string }[];
  subtitles: { language: string; name: string; playlist: string }[];
  encryption: 'aes-128' | 'none';
  /** Trickplay sprites and their WebVTT index (`#xywh` cues); absent in folders packaged before them. */
  thumbnails?: {
    /** Relative to the folder, like every other file of the stream. */
    playlist: string;
    intervalSeconds: number;
    width: number;
    height: number;
    sheets: string[];
  };
  /** Intro, recap and credits, sorted by start and not overlapping; absent means none. */
  markers?: MediaMarker[];
}

/** Where a title's stream lives and what it holds. */
export interface TitleMedia {
  /** Absolute folder holding master.m3u8 and everything it reaches. */
  directory: string;
  manifest: MediaManifest;
}
