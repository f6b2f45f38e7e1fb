/**
 * Fits a title into a box without access to real font metrics. Widths come
 * from an approximation of DejaVu Sans advances (the widest of the fallback
 * fonts the stacks end in), scaled per style, so the estimate errs on the wide
 * side: real text comes out the same size or narrower than measured here.
 */

export interface TypeStyle {
  family: string;
  weight: number;
  italic: boolean;
  uppercase: boolean;
  /** Extra space after every character, in em. */
  letterSpacing: number;
  /** Distance between baselines, in em. */
  lineHeight: number;
  /** Scales the base width table for this face and weight. */
  widthFactor: number;
}

export interface FitOptions {
  maxWidth: number;
  maxHeight: number;
  maxSize: number;
  minSize: number;
  maxLines: number;
  /** Score lost per line beyond the first: higher keeps titles on fewer, smaller lines. */
  extraLinePenalty?: number;
}

export interface FittedText {
  lines: string[];
  fontSize: number;
}

const LOWER: Record<string, number> = {
  a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635,
  h: 0.634, i: 0.278, j: 0.278, k: 0.579, l: 0.278, m: 0.974, n: 0.634,
  o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392, u: 0.634,
  v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
};

const UPPER: Record<string, number> = {
  A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775,
  H: 0.752, I: 0.295, J: 0.295, K: 0.656, L: 0.557, M: 0.863, N: 0.748,
  O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611, U: 0.732,
  V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
};

const OTHER: Record<string, number> = {
  ' ': 0.318, "'": 0.275, '\u2019': 0.318, '"': 0.46, '\u201c': 0.518,
  '\u201d': 0.518, '.': 0.318, ',': 0.318, ':': 0.337, ';': 0.337,
  '!': 0.4, '?': 0.531, '-': 0.361, '\u2013': 0.5, '\u2014': 1.0,
  '&': 0.78, '(': 0.39, ')': 0.39, '/': 0.337, '#': 0.838, '%': 0.95,
  '@': 1.0, '\u2026': 1.0, '+': 0.838, '=': 0.838, '*': 0.5,
};

/** Width of one character in em, before the style's factor. */
function charWidth(ch: string): number {
  if (ch in LOWER) return LOWER[ch];
  if (ch in UPPER) return UPPER[ch];
  if (ch in OTHER) return OTHER[ch];
  if (ch >= '0' && ch <= '9') return 0.636;
  const base = ch.normalize('NFD').charAt(0);
  if (base !== ch) {
    if (base in LOWER) return LOWER[base];
    if (base in UPPER) return UPPER[base];
  }
  const code = ch.codePointAt(0) ?? 0;
  // CJK and other wide scripts take a full em; anything else unknown, a wide guess.
  return code >= 0x1100 ? 1.0 : 0.75;
}

/** Estimated advance width of `text` at font size 1, letter spacing included. */
export function measure(text: string, style: TypeStyle): number {
  let width = 0;
  let count = 0;
  for (const ch of text) {
    width += charWidth(ch);
    count++;
  }
  return width * style.widthFactor + count * style.letterSpacing;
}

export function applyCase(text: string, style: TypeStyle): string {
  return style.uppercase ? text.toUpperCase() : text;
}

/** Height from the top of the first line's capitals to the last baseline. */
export function blockHeight(lines: number, fontSize: number, style: TypeStyle): number {
  return fontSize * (0.75 + (lines - 1) * style.lineHeight);
}

/**
 * Splits `words` into exactly `k` consecutive lines, minimising the widest
 * line. Returns null when there are fewer words than lines.
 */
function bestPartition(words: string[], k: number, style: TypeStyle): { lines: string[]; widest: number } | null {
  const n = words.length;
  if (k > n) return null;
  const lineWidth = (from: number, to: number): number => measure(words.slice(from, to).join(' '), style);
  // best[j][i]: minimal widest line when the first i words fill j lines.
  const best: number[][] = [];
  const cut: number[][] = [];
  for (let j = 0; j <= k; j++) {
    best.push(new Array<number>(n + 1).fill(Infinity));
    cut.push(new Array<number>(n + 1).fill(0));
  }
  best[0][0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n; i++) {
      for (let p = j - 1; p < i; p++) {
        if (best[j - 1][p] === Infinity) continue;
        const candidate = Math.max(best[j - 1][p], lineWidth(p, i));
        if (candidate < best[j][i]) {
          best[j][i] = candidate;
          cut[j][i] = p;
        }
      }
    }
  }
  const lines: string[] = [];
  let end = n;
  for (let j = k; j >= 1; j--) {
    const start = cut[j][end];
    lines.unshift(words.slice(start, end).join(' '));
    end = start;
  }
  return { lines, widest: best[k][n] };
}

/** Cuts a word that is too wide on its own into pieces that fit `maxEm`. */
function splitLongWord(word: string, maxEm: number, style: TypeStyle): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current && measure(current + ch, style) > maxEm) {
      pieces.push(current);
      current = ch;
    } else {
      current += ch;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Greedy wrap at the minimum size, truncating with an ellipsis past maxLines. */
function fallbackFit(words: string[], style: TypeStyle, opts: FitOptions): FittedText {
  const size = opts.minSize;
  const maxEm = opts.maxWidth / size;
  const pieces = words.flatMap((w) => (measure(w, style) > maxEm ? splitLongWord(w, maxEm, style) : [w]));
  const lines: string[] = [];
  let current = '';
  let overflow = false;
  for (const piece of pieces) {
    const candidate = current ? `${current} ${piece}` : piece;
    if (measure(candidate, style) <= maxEm) {
      current = candidate;
      continue;
    }
    if (lines.length + 1 >= opts.maxLines) {
      overflow = true;
      break;
    }
    lines.push(current);
    current = piece;
  }
  if (overflow) {
    let last = current;
    while (last && measure(`${last}\u2026`, style) > maxEm) {
      last = Array.from(last).slice(0, -1).join('').trimEnd();
    }
    current = `${last}\u2026`;
  }
  lines.push(current);
  return { lines, fontSize: size };
}

/**
 * Chooses line breaks (1 to maxLines lines, balanced) and the largest font
 * size at which every line fits maxWidth and the block fits maxHeight.
 * A slight preference for fewer lines keeps short titles on one line.
 */
export function fitText(text: string, style: TypeStyle, opts: FitOptions): FittedText {
  const words = applyCase(text, style).split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) {
    return { lines: [], fontSize: opts.maxSize };
  }
  let chosen: FittedText | null = null;
  let chosenScore = -Infinity;
  for (let k = 1; k <= opts.maxLines; k++) {
    const part = bestPartition(words, k, style);
    if (!part) break;
    const byWidth = opts.maxWidth / part.widest;
    const byHeight = opts.maxHeight / (0.75 + (k - 1) * style.lineHeight);
    const size = Math.floor(Math.min(opts.maxSize, byWidth, byHeight) * 10) / 10;
    if (size < opts.minSize) continue;
    const score = size * (1 - (opts.extraLinePenalty ?? 0.07) * (k - 1));
    if (score > chosenScore) {
      chosenScore = score;
      chosen = { lines: part.lines, fontSize: size };
    }
  }
  return chosen ?? fallbackFit(words, style, opts);
}
