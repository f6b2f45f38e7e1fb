import { Title } from '../catalog/title';

/** Years apart at which closeness in time halves the similarity. */
const YEAR_SCALE = 15;

/**
 * How alike two titles are by content, 0..1: the share of genres they have in common (Jaccard),
 * damped by how far apart they were made. The catalog's similarity index finds the neighbours; this
 * says how close each one is, so it can be blended with other evidence.
 */
export function contentSimilarity(a: Pick<Title, 'genres' | 'year'>, b: Pick<Title, 'genres' | 'year'>): number {
  let shared = 0;
  for (const genre of a.genres) if (b.genres.includes(genre)) shared++;
  if (shared === 0) return 0;
  const jaccard = shared / (a.genres.length + b.genres.length - shared);
  return jaccard / (1 + Math.abs(a.year - b.year) / YEAR_SCALE);
}
