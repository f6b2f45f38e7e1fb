import { Title } from '../../src/catalog/title';

/** A catalog title for unit tests: id `tt(1000 + ordinal)`, and plain defaults for whatever the test does not name. */
export function aTitle(ordinal: number, fields: Partial<Omit<Title, 'id' | 'ordinal'>> = {}): Title {
  return {
    id: `tt${1000 + ordinal}`,
    ordinal,
    name: `T${ordinal}`,
    synopsis: '',
    year: 2000,
    genres: [],
    maturityRating: 'PG',
    runtimeMinutes: 90,
    popularity: 0.5,
    artwork: { palette: [], motif: 'waves' },
    ...fields,
  };
}
