/**
 * What the artwork renderer needs to know about a title. Curated titles carry
 * a hand-picked palette and motif; generated titles get theirs from
 * `artworkForGeneratedTitle`.
 */
export interface ArtworkSubject {
  id: string;
  name: string;
  year: number;
  genres: string[];
  artwork: {
    /** Three colours as `#rrggbb`: deep background, secondary tone, accent. */
    palette: string[];
    /** One of `ARTWORK_MOTIFS`; an unknown value falls back to a motif picked from the id. */
    motif: string;
  };
}
