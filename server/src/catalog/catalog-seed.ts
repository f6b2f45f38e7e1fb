import curated from './data/curated-titles.json';
import { Rng } from './artwork/prng';
import { generatedTitle } from './generated-titles';
import { Title } from './title';

type CuratedEntry = Omit<Title, 'ordinal' | 'popularity'>;

/** The curated library, then generated titles up to `size`; the same size always gives the same catalog. */
export function buildCatalog(size: number): Title[] {
  const entries = curated as CuratedEntry[];
  const titles: Title[] = entries.slice(0, size).map((entry, ordinal) => ({
    ...entry,
    ordinal,
    popularity: 0.5 + 0.5 * new Rng(`popularity:${entry.id}`).next(),
  }));
  for (let ordinal = titles.length; ordinal < size; ordinal++) titles.push(generatedTitle(ordinal));
  return titles;
}
