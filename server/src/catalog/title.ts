/** A title in the catalog, as stored. */
export interface Title {
  id: string;
  /** Position in the catalog's stable order; cursors point at it. */
  ordinal: number;
  name: string;
  synopsis: string;
  year: number;
  genres: string[];
  maturityRating: string;
  runtimeMinutes: number;
  /** Editorial popularity, 0..1: what a brand-new viewer is shown first. */
  popularity: number;
  artwork: { palette: string[]; motif: string };
}
