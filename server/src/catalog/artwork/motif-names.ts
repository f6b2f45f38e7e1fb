/** Every motif the artwork renderer can draw. */
export const ARTWORK_MOTIFS = [
  'rings',
  'skyline',
  'mountains',
  'waves',
  'starfield',
  'grid',
  'stripes',
  'orb',
  'shards',
  'bokeh',
  'forest',
  'rain',
] as const;

export type ArtworkMotif = (typeof ARTWORK_MOTIFS)[number];

export function isArtworkMotif(value: string): value is ArtworkMotif {
  return (ARTWORK_MOTIFS as readonly string[]).includes(value);
}
