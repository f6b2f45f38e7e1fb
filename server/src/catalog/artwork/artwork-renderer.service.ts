import { Injectable } from '@nestjs/common';
import { ArtworkSubject } from './artwork-subject';
import { darken, isHexColor, lighten, luminance, mix } from './color';
import { escapeXml } from './escape-xml';
import { ARTWORK_MOTIFS, ArtworkMotif, isArtworkMotif } from './motif-names';
import { MOTIF_PAINTERS } from './motifs';
import { hashString, Rng } from './prng';
import { num, op, Scene } from './scene';
import { blockHeight, FitOptions, fitText, TypeStyle } from './text-layout';

export { ARTWORK_MOTIFS } from './motif-names';
export type { ArtworkMotif } from './motif-names';

const SERIF = "Georgia, 'Times New Roman', 'DejaVu Serif', serif";
const SANS = "'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";
const ROUNDED = "'Trebuchet MS', Verdana, 'DejaVu Sans', sans-serif";

export type Align = 'start' | 'middle';

export interface GenreType extends TypeStyle {
  /** Poster title alignment. Backdrops are always left-aligned. */
  align: Align;
}

const serif = (weight: number, italic: boolean, uppercase: boolean, letterSpacing: number, lineHeight: number, align: Align): GenreType => ({
  family: SERIF,
  weight,
  italic,
  uppercase,
  letterSpacing,
  lineHeight,
  widthFactor: (weight >= 600 ? 1.14 : 1.04) * (italic ? 0.96 : 1),
  align,
});

const sans = (family: string, weight: number, uppercase: boolean, letterSpacing: number, lineHeight: number, align: Align): GenreType => ({
  family,
  weight,
  italic: false,
  uppercase,
  letterSpacing,
  lineHeight,
  widthFactor: (weight >= 600 ? 1.12 : 1.0) * (family === ROUNDED ? 1.04 : 1),
  align,
});

/** Type for the title, chosen by a title's first genre. */
const GENRE_TYPE: Record<string, GenreType> = {
  action: sans(SANS, 800, true, 0.02, 0.95, 'start'),
  adventure: serif(700, false, true, 0.03, 1.0, 'middle'),
  animation: sans(ROUNDED, 700, false, 0, 1.02, 'middle'),
  comedy: sans(ROUNDED, 700, false, 0, 1.02, 'start'),
  crime: serif(700, false, true, 0.04, 1.0, 'start'),
  documentary: sans(SANS, 400, true, 0.12, 1.12, 'start'),
  drama: serif(400, false, false, 0.01, 1.08, 'middle'),
  fantasy: serif(400, false, true, 0.08, 1.08, 'middle'),
  horror: serif(400, false, true, 0.12, 1.06, 'middle'),
  romance: serif(400, true, false, 0, 1.08, 'middle'),
  'sci-fi': sans(SANS, 400, true, 0.16, 1.12, 'middle'),
  thriller: sans(SANS, 700, true, 0.06, 0.98, 'start'),
};
const DEFAULT_TYPE = serif(700, false, false, 0, 1.05, 'start');

/** The title type for a list of genres: the first non-blank genre decides. */
export function titleStyleFor(genres: readonly string[] | undefined): GenreType {
  const first = firstGenre(genres);
  return GENRE_TYPE[first.toLowerCase()] ?? DEFAULT_TYPE;
}

function firstGenre(genres: readonly string[] | undefined): string {
  const found = (genres ?? []).find((g) => typeof g === 'string' && g.trim() !== '');
  return found ? found.trim() : '';
}

/** Where the poster's title may go: its width limit and type sizes. */
export const TITLE_BOX = {
  poster: { maxWidth: 340, maxHeight: 190, maxSize: 64, minSize: 18, maxLines: 3, extraLinePenalty: 0.07 },
} as const satisfies Record<string, FitOptions>;

const META_STYLE: TypeStyle = {
  family: SANS,
  weight: 600,
  italic: false,
  uppercase: true,
  letterSpacing: 0.22,
  lineHeight: 1,
  widthFactor: 1.1,
};

const FALLBACK_PALETTE = ['#101522', '#34405e', '#f0c27b'];

interface Frame {
  w: number;
  h: number;
  wide: boolean;
}

/**
 * Draws posters (2:3) and backdrops (16:9) as self-contained SVG documents:
 * a gradient from the title's palette, one of the motifs in ARTWORK_MOTIFS
 * laid out by a PRNG seeded from the title id, and the title set in type
 * chosen by genre. Output depends only on the subject, byte for byte.
 */
@Injectable()
export class ArtworkRenderer {
  readonly motifs: readonly ArtworkMotif[] = ARTWORK_MOTIFS;

  poster(title: ArtworkSubject): string {
    return this.render(title, { w: 400, h: 600, wide: false });
  }

  backdrop(title: ArtworkSubject): string {
    return this.render(title, { w: 1280, h: 720, wide: true });
  }

  private render(title: ArtworkSubject, frame: Frame): string {
    const { w, h, wide } = frame;
    const seed = hashString(`${title.id}|${wide ? 'backdrop' : 'poster'}`);
    const rng = new Rng(seed);
    const uid = `a${hashString(title.id).toString(36)}${wide ? 'b' : 'p'}`;
    const [deep, mid, accent] = this.palette(title);
    const motif = this.motif(title);
    const scale = wide ? 1.5 : 1;
    const focus = wide
      ? { x: w * rng.range(0.6, 0.78), y: h * rng.range(0.28, 0.45) }
      : { x: w * rng.range(0.3, 0.7), y: h * rng.range(0.2, 0.36) };
    const defs: string[] = [];
    const scene: Scene = { w, h, wide, rng, deep, mid, accent, uid, defs, focus, scale };

    const angle = rng.range(-0.25, 0.25);
    defs.push(
      `<linearGradient id="${uid}-bg" x1="${op(0.5 - angle)}" y1="0" x2="${op(0.5 + angle)}" y2="1">` +
        `<stop offset="0" stop-color="${darken(deep, 0.15)}"/><stop offset="0.62" stop-color="${mid}"/><stop offset="1" stop-color="${darken(mid, 0.35)}"/></linearGradient>`,
      `<radialGradient id="${uid}-halo" gradientUnits="userSpaceOnUse" cx="${num(focus.x)}" cy="${num(focus.y)}" r="${num(Math.max(w, h) * 0.7)}">` +
        `<stop offset="0" stop-color="${accent}" stop-opacity="0.38"/><stop offset="1" stop-color="${accent}" stop-opacity="0"/></radialGradient>`,
      `<radialGradient id="${uid}-vignette" cx="0.5" cy="0.45" r="0.75"><stop offset="0.55" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.6"/></radialGradient>`,
      ...[1.5, 5, 14, 38].map(
        (sd, i) =>
          `<filter id="${uid}-b${i + 1}" x="-60%" y="-60%" width="220%" height="220%"><feGaussianBlur stdDeviation="${num(sd * scale)}"/></filter>`,
      ),
      `<filter id="${uid}-shadow" x="-10%" y="-40%" width="120%" height="180%"><feGaussianBlur in="SourceAlpha" stdDeviation="${num(3 * scale)}" result="blur"/>` +
        `<feOffset in="blur" dy="${num(2 * scale)}" result="offset"/><feComponentTransfer in="offset" result="shade"><feFuncA type="linear" slope="0.75"/></feComponentTransfer>` +
        `<feMerge><feMergeNode in="shade"/><feMergeNode in="SourceGraphic"/></feMerge></filter>`,
    );
    if (wide) {
      defs.push(
        `<linearGradient id="${uid}-scrim-x" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000000" stop-opacity="0.88"/><stop offset="0.3" stop-color="#000000" stop-opacity="0.62"/><stop offset="0.62" stop-color="#000000" stop-opacity="0"/></linearGradient>`,
        `<linearGradient id="${uid}-scrim-y" x1="0" y1="0" x2="0" y2="1"><stop offset="0.45" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="0.82"/></linearGradient>`,
      );
    } else {
      defs.push(
        `<linearGradient id="${uid}-scrim-y" x1="0" y1="0" x2="0" y2="1"><stop offset="0.42" stop-color="#000000" stop-opacity="0"/><stop offset="0.7" stop-color="#000000" stop-opacity="0.55"/><stop offset="1" stop-color="#000000" stop-opacity="0.9"/></linearGradient>`,
      );
    }

    const art = MOTIF_PAINTERS[motif](scene);
    // Backdrops sit behind the app's own title text, so they carry none of their own.
    const text = wide ? '' : this.typeset(title, frame, accent, uid);
    const name = escapeXml(String(title.name ?? ''));
    const year = this.year(title);

    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${name}">` +
      `<title>${name}${year ? ` (${year})` : ''}</title>` +
      `<defs>${defs.join('')}</defs>` +
      `<rect width="${w}" height="${h}" fill="url(#${uid}-bg)"/>` +
      `<rect width="${w}" height="${h}" fill="url(#${uid}-halo)"/>` +
      `<g>${art}</g>` +
      `<rect width="${w}" height="${h}" fill="url(#${uid}-vignette)"/>` +
      (wide ? `<rect width="${w}" height="${h}" fill="url(#${uid}-scrim-x)"/>` : '') +
      `<rect width="${w}" height="${h}" fill="url(#${uid}-scrim-y)"/>` +
      text +
      `</svg>\n`
    );
  }

  /** The title's palette, each colour checked; anything malformed falls back. */
  private palette(title: ArtworkSubject): [string, string, string] {
    const given = Array.isArray(title.artwork?.palette) ? title.artwork.palette : [];
    const pick = (i: number): string => {
      const c = given[i];
      return isHexColor(c) ? c.toLowerCase() : FALLBACK_PALETTE[i];
    };
    let deep = pick(0);
    const mid = pick(1);
    let accent = pick(2);
    // The title sits on a dark scrim, so the background must stay dark and the accent must read against it.
    if (luminance(deep) > 0.2) deep = darken(deep, 0.55);
    if (luminance(accent) < 0.12) accent = lighten(accent, 0.45);
    return [deep, mid, accent];
  }

  private motif(title: ArtworkSubject): ArtworkMotif {
    const wanted = title.artwork?.motif;
    if (typeof wanted === 'string' && isArtworkMotif(wanted)) return wanted;
    return ARTWORK_MOTIFS[hashString(title.id) % ARTWORK_MOTIFS.length];
  }

  private year(title: ArtworkSubject): string {
    return Number.isFinite(title.year) ? String(Math.trunc(title.year)) : '';
  }

  /** The poster's name, rule and year · genre line. */
  private typeset(title: ArtworkSubject, frame: Frame, accent: string, uid: string): string {
    const { w, h } = frame;
    const genre = firstGenre(title.genres);
    const style = titleStyleFor(title.genres);
    const align: Align = style.align;
    const margin = 30;
    const fitted = fitText(String(title.name ?? ''), style, TITLE_BOX.poster);
    const size = fitted.fontSize;
    const metaSize = 12.5;
    const metaY = h - 34;
    const lastBaseline = metaY - metaSize * 2.2;
    const firstBaseline = lastBaseline - (fitted.lines.length - 1) * size * style.lineHeight;
    const x = align === 'middle' ? w / 2 : margin;
    const anchor = align === 'middle' ? 'middle' : 'start';
    const ink = mix('#ffffff', accent, 0.08);

    const lines = fitted.lines
      .map((line, i) => `<tspan x="${num(x)}" y="${num(firstBaseline + i * size * style.lineHeight)}">${escapeXml(line)}</tspan>`)
      .join('');
    const titleText =
      `<text font-family="${escapeXml(style.family)}" font-size="${num(size)}" font-weight="${style.weight}"` +
      (style.italic ? ` font-style="italic"` : '') +
      (style.letterSpacing ? ` letter-spacing="${num(style.letterSpacing * size)}"` : '') +
      ` fill="${ink}" text-anchor="${anchor}" filter="url(#${uid}-shadow)">${lines}</text>`;

    const capTop = firstBaseline - blockHeight(1, size, style);
    const ruleW = 40;
    const ruleH = 3;
    const ruleX = align === 'middle' ? w / 2 - ruleW / 2 : margin;
    const rule = `<rect x="${num(ruleX)}" y="${num(capTop - 18)}" width="${ruleW}" height="${ruleH}" fill="${accent}"/>`;

    const year = this.year(title);
    const shortGenre = genre.length > 24 ? `${genre.slice(0, 23)}\u2026` : genre;
    const meta = [year, shortGenre].filter((p) => p !== '').join('  \u00b7  ');
    const metaText = meta
      ? `<text x="${num(x)}" y="${num(metaY)}" font-family="${escapeXml(META_STYLE.family)}" font-size="${num(metaSize)}" font-weight="${META_STYLE.weight}"` +
        ` letter-spacing="${num(META_STYLE.letterSpacing * metaSize)}" fill="${lighten(accent, 0.35)}" text-anchor="${anchor}">${escapeXml(meta.toUpperCase())}</text>`
      : '';
    return `<g>${rule}${titleText}${metaText}</g>`;
  }
}
