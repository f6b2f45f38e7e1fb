import { ARTWORK_MOTIFS } from './artwork-renderer.service';
import { luminance, parseHex } from './color';
import { artworkForGeneratedTitle } from './generated-artwork';

const GENRES = [
  'Action', 'Adventure', 'Animation', 'Comedy', 'Crime', 'Documentary',
  'Drama', 'Fantasy', 'Horror', 'Romance', 'Sci-Fi', 'Thriller',
];

function hue(hex: string): number {
  const { r, g, b } = parseHex(hex);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

describe('artworkForGeneratedTitle', () => {
  it('is deterministic', () => {
    expect(artworkForGeneratedTitle('tt5000', ['Horror'])).toEqual(artworkForGeneratedTitle('tt5000', ['Horror']));
  });

  it('returns three #rrggbb colours, dark to bright, and a known motif', () => {
    for (let i = 0; i < 300; i++) {
      const art = artworkForGeneratedTitle(`tt${2000 + i}`, [GENRES[i % GENRES.length]]);
      expect(art.palette).toHaveLength(3);
      for (const c of art.palette) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(luminance(art.palette[0])).toBeLessThan(luminance(art.palette[2]));
      expect(luminance(art.palette[0])).toBeLessThan(0.05);
      expect(ARTWORK_MOTIFS).toContain(art.motif);
    }
  });

  it('varies with the id, so a large catalogue does not repeat itself', () => {
    const arts = Array.from({ length: 400 }, (_, i) => artworkForGeneratedTitle(`tt${3000 + i}`, ['Drama']));
    expect(new Set(arts.map((a) => a.palette.join())).size).toBe(400);
    const all = Array.from({ length: 600 }, (_, i) =>
      artworkForGeneratedTitle(`tt${4000 + i}`, [GENRES[i % GENRES.length]]),
    );
    expect(new Set(all.map((a) => a.motif)).size).toBe(ARTWORK_MOTIFS.length);
  });

  it('takes its mood from the first genre', () => {
    for (let i = 0; i < 50; i++) {
      const horror = artworkForGeneratedTitle(`tt${6000 + i}`, ['Horror', 'Sci-Fi']);
      const h = hue(horror.palette[0]);
      expect(h < 20 || h > 335).toBe(true);
      const scifi = artworkForGeneratedTitle(`tt${6000 + i}`, ['Sci-Fi', 'Horror']);
      expect(hue(scifi.palette[0])).toBeGreaterThan(180);
      expect(hue(scifi.palette[0])).toBeLessThan(290);
    }
  });

  it('copes with no genres or unknown ones', () => {
    for (const genres of [[], ['Musical'], ['', '  ']]) {
      const art = artworkForGeneratedTitle('tt7777', genres);
      expect(art.palette).toHaveLength(3);
      expect(ARTWORK_MOTIFS).toContain(art.motif);
    }
  });
});
