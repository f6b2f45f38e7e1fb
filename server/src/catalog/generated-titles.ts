import { artworkForGeneratedTitle } from './artwork/generated-artwork';
import { Rng } from './artwork/prng';
import { Title } from './title';

const ADJECTIVES = ['Silent', 'Burning', 'Hidden', 'Electric', 'Hollow', 'Golden', 'Crooked', 'Distant', 'Frozen', 'Restless', 'Velvet', 'Broken', 'Northern', 'Wild', 'Last', 'Secret', 'Paper', 'Iron', 'Scarlet', 'Midnight', 'Quiet', 'Lonely', 'Bright', 'Salt', 'Glass'];
const NOUNS = ['Harbor', 'Orchard', 'Signal', 'Kingdom', 'Engine', 'Garden', 'Frontier', 'Lantern', 'Meridian', 'Canyon', 'Carnival', 'Archive', 'Lighthouse', 'Circuit', 'Parade', 'Tide', 'Compass', 'Station', 'Forest', 'Citadel', 'River', 'Machine', 'Summer', 'Crossing', 'Atlas'];
const PLACES = ['Ashford', 'Port Morrow', 'Kellan Bay', 'the Red Hills', 'Old Vesper', 'Tannery Row', 'the Outer Ring', 'Windmere'];
const GENRES = ['Action', 'Adventure', 'Animation', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy', 'Horror', 'Romance', 'Sci-Fi', 'Thriller'];
const RATINGS = ['G', 'PG', 'PG-13', 'R', 'TV-14', 'TV-MA', 'TV-PG'];

/** Title `n` (0-based) of the catalog, as an id: tt1000, tt1001, … */
export function titleIdFor(ordinal: number): string {
  return `tt${1000 + ordinal}`;
}

/** A filler title for scale tests: deterministic from its ordinal, plausible to read. */
export function generatedTitle(ordinal: number): Title {
  const id = titleIdFor(ordinal);
  const random = new Rng(id);
  const name = `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${ordinal}`;
  const genreCount = random.int(1, 3);
  const genres: string[] = [];
  while (genres.length < genreCount) {
    const genre = random.pick(GENRES);
    if (!genres.includes(genre)) genres.push(genre);
  }
  return {
    id,
    ordinal,
    name,
    synopsis: `In ${random.pick(PLACES)}, a story of ${genres.map((genre) => genre.toLowerCase()).join(' and ')}: ${name} follows strangers whose choices collide over one long season.`,
    year: random.int(1960, 2026),
    genres,
    maturityRating: random.pick(RATINGS),
    runtimeMinutes: random.int(80, 150),
    // Below every curated title, so a new viewer is shown the curated library first.
    popularity: random.range(0, 0.4),
    artwork: artworkForGeneratedTitle(id, genres),
  };
}
