/** A TitleSummary as the API returns it. */
export interface Summary {
  id: string;
  name: string;
  posterUrl: string;
  year: number;
  genres: string[];
}
