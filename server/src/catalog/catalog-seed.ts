import curated from './data/curated-titles.json';
import { Rng } from './artwork/prng';
import { generatedTitle } from './generated-titles';
import { Title } from './title';

type CuratedEntry = Omit<Title, 'ordinal' | 'popularity'>;

const CURATED = curated as CuratedEntry[];

/** Title `ordinal` of the catalog: a curated one first, then generated ones; always the same for one ordinal. */
export function catalogTitle(ordinal: number): Title {
  const entry = CURATED[ordinal];
  if (!entry) return generatedTitle(ordinal);
  return { ...entry, ordinal, popularity: 0.5 + 0.5 * new Rng(`popularity:${entry.id}`).next() };
}

/** The curated titles, as written in data/curated-titles.json. */
export function curatedTitles(): Title[] {
  return catalogRange(0, CURATED.length);
}

/** The titles with ordinals `from` up to (not including) `to`. */
export function catalogRange(from: number, to: number): Title[] {
  const titles: Title[] = [];
  for (let ordinal = from; ordinal < to; ordinal++) titles.push(catalogTitle(ordinal));
  return titles;
}

/** The curated library, then generated titles up to `size`; the same size always gives the same catalog. */
export function buildCatalog(size: number): Title[] {
  return catalogRange(0, size);
}
