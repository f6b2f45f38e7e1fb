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
  /** Who is in it, leads first: invented people, written for the curated titles (generated ones have none). */
  cast?: string[];
  director?: string;
  /** Editorial popularity, 0..1: what a brand-new viewer is shown first. */
  popularity: number;
  artwork: { palette: string[]; motif: string };
}
