import { hsl } from './color';
import { ARTWORK_MOTIFS, ArtworkMotif } from './motif-names';
import { Rng } from './prng';

interface GenreLook {
  /** Hue range for the background, in degrees. */
  hue: [number, number];
  /** How far round the colour wheel the accent sits from the background hue. */
  accentShift: [number, number];
  saturation: number;
  motifs: ArtworkMotif[];
}

const LOOKS: Record<string, GenreLook> = {
  action: { hue: [5, 30], accentShift: [20, 40], saturation: 0.75, motifs: ['stripes', 'skyline', 'shards', 'orb'] },
  adventure: { hue: [20, 45], accentShift: [150, 190], saturation: 0.6, motifs: ['mountains', 'waves', 'orb', 'forest'] },
  animation: { hue: [0, 360], accentShift: [120, 200], saturation: 0.7, motifs: ['bokeh', 'stripes', 'starfield', 'rings'] },
  comedy: { hue: [25, 55], accentShift: [150, 210], saturation: 0.7, motifs: ['bokeh', 'stripes', 'orb', 'rings'] },
  crime: { hue: [30, 50], accentShift: [0, 15], saturation: 0.35, motifs: ['rain', 'skyline', 'shards', 'stripes'] },
  documentary: { hue: [25, 45], accentShift: [10, 25], saturation: 0.3, motifs: ['mountains', 'waves', 'rings', 'orb'] },
  drama: { hue: [195, 235], accentShift: [160, 200], saturation: 0.35, motifs: ['orb', 'waves', 'rain', 'mountains'] },
  fantasy: { hue: [255, 295], accentShift: [130, 170], saturation: 0.55, motifs: ['forest', 'starfield', 'orb', 'bokeh'] },
  horror: { hue: [345, 365], accentShift: [-5, 10], saturation: 0.7, motifs: ['forest', 'rain', 'shards', 'orb'] },
  romance: { hue: [320, 350], accentShift: [20, 40], saturation: 0.55, motifs: ['bokeh', 'orb', 'waves', 'rings'] },
  'sci-fi': { hue: [200, 275], accentShift: [60, 110], saturation: 0.7, motifs: ['starfield', 'grid', 'rings', 'shards'] },
  thriller: { hue: [185, 215], accentShift: [150, 190], saturation: 0.45, motifs: ['rain', 'grid', 'shards', 'skyline'] },
};

const DEFAULT_LOOK: GenreLook = { hue: [0, 360], accentShift: [140, 220], saturation: 0.55, motifs: [...ARTWORK_MOTIFS] };

/**
 * A palette and motif for a title that has no hand-picked artwork, derived
 * only from its id and genres, so the same title always looks the same. The
 * first genre sets the mood (hues, and usually the motif); the id decides the
 * rest.
 */
export function artworkForGeneratedTitle(id: string, genres: string[]): { palette: string[]; motif: string } {
  const rng = new Rng(`generated-artwork|${id}`);
  const first = (genres ?? []).find((g) => typeof g === 'string' && g.trim() !== '');
  const look = (first && LOOKS[first.trim().toLowerCase()]) || DEFAULT_LOOK;
  const hue = rng.range(look.hue[0], look.hue[1]);
  const accentHue = hue + rng.range(look.accentShift[0], look.accentShift[1]);
  const sat = look.saturation;
  const deep = hsl(hue, sat * rng.range(0.6, 0.9), rng.range(0.05, 0.1));
  const mid = hsl(hue + rng.range(-20, 20), sat * rng.range(0.7, 1), rng.range(0.24, 0.36));
  const accent = hsl(accentHue, Math.min(1, sat + 0.25), rng.range(0.58, 0.7));
  const motif = rng.chance(0.8) ? rng.pick(look.motifs) : rng.pick(ARTWORK_MOTIFS);
  return { palette: [deep, mid, accent], motif };
}
