import { darken, lighten, mix } from './color';
import { ArtworkMotif } from './motif-names';
import { Rng } from './prng';

/** Everything a motif painter may use. Painters add gradients etc. to `defs`. */
export interface Scene {
  w: number;
  h: number;
  /** True for the 16:9 backdrop, false for the 2:3 poster. */
  wide: boolean;
  rng: Rng;
  deep: string;
  mid: string;
  accent: string;
  /** Prefix for every id in the document. */
  uid: string;
  defs: string[];
  /** Where the eye should land: a motif's brightest element goes here. */
  focus: { x: number; y: number };
  /** Size multiplier for small details: 1 on posters, larger on backdrops. */
  scale: number;
}

export type MotifPainter = (s: Scene) => string;

/** A coordinate with at most one decimal, so output stays small and stable. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** An opacity with two decimals. */
export function op(n: number): string {
  const r = Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;
  return String(r);
}

const id = (s: Scene, name: string): string => `${s.uid}-${name}`;
const url = (s: Scene, name: string): string => `url(#${id(s, name)})`;

/** A soft blurred disc of light. The renderer defines the blur filters b1 to b4. */
function glow(s: Scene, x: number, y: number, r: number, color: string, opacity: number, blur = 'b4'): string {
  return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${color}" opacity="${op(opacity)}" filter="${url(s, blur)}"/>`;
}

function verticalGradient(s: Scene, name: string, stops: Array<[number, string, number]>): void {
  const body = stops
    .map(([at, color, alpha]) => `<stop offset="${op(at)}" stop-color="${color}" stop-opacity="${op(alpha)}"/>`)
    .join('');
  s.defs.push(`<linearGradient id="${id(s, name)}" x1="0" y1="0" x2="0" y2="1">${body}</linearGradient>`);
}

function radialGradient(s: Scene, name: string, stops: Array<[number, string, number]>, fx = 0.5, fy = 0.5): void {
  const body = stops
    .map(([at, color, alpha]) => `<stop offset="${op(at)}" stop-color="${color}" stop-opacity="${op(alpha)}"/>`)
    .join('');
  s.defs.push(
    `<radialGradient id="${id(s, name)}" cx="0.5" cy="0.5" r="0.5" fx="${op(fx)}" fy="${op(fy)}">${body}</radialGradient>`,
  );
}

/** Heights along a ridge by midpoint displacement; steps must be a power of two. */
function ridge(rng: Rng, base: number, amp: number, roughness: number, steps = 64): number[] {
  const ys = new Array<number>(steps + 1).fill(base);
  ys[0] = base + rng.range(-amp, amp) * 0.6;
  ys[steps] = base + rng.range(-amp, amp) * 0.6;
  let step = steps;
  let a = amp;
  while (step > 1) {
    const half = step / 2;
    for (let i = half; i < steps; i += step) {
      ys[i] = (ys[i - half] + ys[i + half]) / 2 + rng.range(-a, a);
    }
    a *= roughness;
    step = half;
  }
  return ys;
}

/** A closed shape under a line of y values spread evenly across the width. */
function areaUnder(ys: number[], w: number, bottom: number): string {
  const dx = w / (ys.length - 1);
  const pts = ys.map((y, i) => `L${num(i * dx)} ${num(y)}`).join('');
  return `M0 ${num(bottom)}${pts}L${num(w)} ${num(bottom)}Z`;
}

/** A sun or moon: glow, disc with a soft radial fill. */
function celestial(s: Scene, x: number, y: number, r: number, name: string): string {
  radialGradient(
    s,
    name,
    [
      [0, lighten(s.accent, 0.7), 1],
      [0.55, lighten(s.accent, 0.3), 1],
      [1, s.accent, 1],
    ],
    0.4,
    0.35,
  );
  return glow(s, x, y, r * 2.6, s.accent, 0.5) + `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${url(s, name)}"/>`;
}

// ---------------------------------------------------------------- rings

const rings: MotifPainter = (s) => {
  const { rng, w, h } = s;
  const cx = s.focus.x;
  const cy = s.focus.y;
  const maxR = Math.hypot(w, h) * rng.range(0.55, 0.8);
  const core = Math.min(w, h) * rng.range(0.05, 0.09);
  const n = rng.int(10, 16);
  const curve = rng.range(1.15, 1.6);
  const out: string[] = [glow(s, cx, cy, core * 3.4, s.accent, 0.45)];
  for (let i = 0; i < n; i++) {
    const t = (i + 1) / n;
    const r = core * 1.3 + (maxR - core) * Math.pow(t, curve) * rng.range(0.96, 1.04);
    const width = (rng.chance(0.25) ? rng.range(6, 16) : rng.range(0.8, 3.5)) * s.scale;
    const color = rng.chance(0.45) ? s.accent : mix(s.accent, s.mid, rng.range(0.25, 0.7));
    const alpha = 0.07 + 0.85 * Math.pow(1 - t, 1.1) * rng.range(0.6, 1);
    let dash = '';
    if (rng.chance(0.4)) {
      const circumference = 2 * Math.PI * r;
      const segments = rng.int(1, 18);
      const on = rng.range(0.25, 0.85);
      const unit = circumference / segments;
      dash =
        ` stroke-dasharray="${num(unit * on)} ${num(unit * (1 - on))}"` +
        ` transform="rotate(${num(rng.range(0, 360))} ${num(cx)} ${num(cy)})"`;
    }
    out.push(
      `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="none" stroke="${color}" stroke-width="${num(width)}" opacity="${op(alpha)}"${dash}/>`,
    );
  }
  radialGradient(s, 'core', [
    [0, lighten(s.accent, 0.8), 1],
    [0.6, s.accent, 0.9],
    [1, s.accent, 0],
  ]);
  out.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(core)}" fill="${url(s, 'core')}"/>`);
  return out.join('');
};

// ---------------------------------------------------------------- skyline

const skyline: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const gy = h * (s.wide ? rng.range(0.76, 0.82) : rng.range(0.7, 0.77));
  const out: string[] = [];
  const mr = Math.min(w, h) * rng.range(0.09, 0.15);
  const mx = s.focus.x;
  const my = Math.min(s.focus.y, gy - h * 0.3);
  out.push(celestial(s, mx, my, mr, 'moon'));
  verticalGradient(s, 'haze', [
    [0, s.accent, 0],
    [1, s.accent, 0.4],
  ]);
  out.push(`<rect x="0" y="${num(gy - h * 0.35)}" width="${w}" height="${num(h * 0.35)}" fill="${url(s, 'haze')}"/>`);

  const layers = [
    { color: mix(s.mid, s.accent, 0.15), min: 0.24, max: 0.5, lit: 0.04, alpha: 0.6 },
    { color: mix(s.deep, s.mid, 0.5), min: 0.14, max: 0.42, lit: 0.12, alpha: 0.92 },
    { color: darken(s.deep, 0.45), min: 0.07, max: 0.3, lit: 0.22, alpha: 1 },
  ];
  const litColors = [s.accent, lighten(s.accent, 0.3), lighten(s.accent, 0.65)];
  const litAlpha = [0.35, 0.65, 0.95];
  for (const layer of layers) {
    let d = '';
    const lit = ['', '', ''];
    let x = -rng.range(0, 30) * scale;
    while (x < w) {
      const bw = rng.range(16, 52) * scale;
      const bh = h * rng.range(layer.min, layer.max) * (s.wide ? 0.85 : 1);
      const top = gy - bh;
      if (rng.chance(0.28)) {
        const inset = bw * rng.range(0.15, 0.3);
        const crown = bh * rng.range(0.05, 0.12);
        d += `M${num(x)} ${num(gy)}V${num(top + crown)}H${num(x + inset)}V${num(top)}H${num(x + bw - inset)}V${num(top + crown)}H${num(x + bw)}V${num(gy)}Z`;
      } else if (rng.chance(0.18)) {
        const sx = x + bw / 2;
        const spire = bh * rng.range(0.1, 0.25);
        d += `M${num(x)} ${num(gy)}V${num(top)}H${num(sx - scale)}V${num(top - spire)}H${num(sx + scale)}V${num(top)}H${num(x + bw)}V${num(gy)}Z`;
      } else {
        d += `M${num(x)} ${num(gy)}V${num(top)}H${num(x + bw)}V${num(gy)}Z`;
      }
      const colStep = 7 * scale;
      const rowStep = 9 * scale;
      for (let wy = top + 7 * scale; wy < gy - 8 * scale; wy += rowStep) {
        for (let wx = x + 4 * scale; wx < x + bw - 6 * scale; wx += colStep) {
          if (rng.chance(layer.lit)) {
            lit[rng.int(0, 2)] += `M${num(wx)} ${num(wy)}h${num(2.6 * scale)}v${num(3.6 * scale)}h${num(-2.6 * scale)}z`;
          }
        }
      }
      x += bw + rng.range(-4, 5) * scale;
    }
    out.push(`<path d="${d}" fill="${layer.color}" opacity="${op(layer.alpha)}"/>`);
    lit.forEach((path, i) => {
      if (path) out.push(`<path d="${path}" fill="${litColors[i]}" opacity="${op(litAlpha[i] * (layer.alpha < 1 ? 0.6 : 1))}"/>`);
    });
  }
  // Dark water in front, with the moon's reflection broken into ripples.
  out.push(`<rect x="0" y="${num(gy)}" width="${w}" height="${num(h - gy)}" fill="${darken(s.deep, 0.5)}"/>`);
  let ripples = '';
  for (let y = gy + 3 * scale; y < h; y += rng.range(3, 7) * scale) {
    const t = (y - gy) / (h - gy);
    const half = mr * rng.range(0.2, 1.1) * (1 + t);
    const off = rng.range(-0.3, 0.3) * mr;
    ripples += `M${num(mx + off - half)} ${num(y)}h${num(half * 2)}`;
  }
  out.push(
    `<path d="${ripples}" stroke="${lighten(s.accent, 0.4)}" stroke-width="${num(1.4 * scale)}" opacity="0.45" fill="none"/>`,
  );
  return out.join('');
};

// ---------------------------------------------------------------- mountains

const mountains: MotifPainter = (s) => {
  const { rng, w, h } = s;
  const out: string[] = [];
  const sr = Math.min(w, h) * rng.range(0.07, 0.13);
  out.push(celestial(s, s.focus.x, s.focus.y, sr, 'sun'));
  if (rng.chance(0.5)) {
    let birds = '';
    const flock = rng.int(3, 7);
    for (let i = 0; i < flock; i++) {
      const bx = s.focus.x + rng.range(-0.25, 0.25) * w;
      const by = s.focus.y + rng.range(-0.05, 0.15) * h;
      const span = rng.range(4, 9) * s.scale;
      birds += `M${num(bx - span)} ${num(by - span * 0.4)}Q${num(bx - span * 0.4)} ${num(by - span * 0.5)} ${num(bx)} ${num(by)}Q${num(bx + span * 0.4)} ${num(by - span * 0.5)} ${num(bx + span)} ${num(by - span * 0.4)}`;
    }
    out.push(`<path d="${birds}" fill="none" stroke="${darken(s.deep, 0.3)}" stroke-width="${num(1.6 * s.scale)}" opacity="0.8"/>`);
  }
  verticalGradient(s, 'mist', [
    [0, lighten(s.mid, 0.25), 0],
    [0.5, lighten(s.mid, 0.25), 0.35],
    [1, lighten(s.mid, 0.25), 0],
  ]);
  const n = rng.int(4, 5);
  const far = mix(mix(s.mid, s.accent, 0.35), '#ffffff', 0.08);
  const near = darken(s.deep, 0.55);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const base = h * (s.wide ? 0.42 + 0.42 * t : 0.4 + 0.42 * t);
    const amp = h * (0.15 - 0.085 * t) * rng.range(0.8, 1.25);
    const ys = ridge(rng, base, amp, rng.range(0.48, 0.6));
    const color = mix(far, near, Math.pow(t, 0.75));
    const name = `ridge${i}`;
    s.defs.push(
      `<linearGradient id="${id(s, name)}" x1="0" y1="${num(Math.min(...ys))}" x2="0" y2="${num(h)}" gradientUnits="userSpaceOnUse">` +
        `<stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="${mix(color, near, 0.5)}"/></linearGradient>`,
    );
    out.push(`<path d="${areaUnder(ys, w, h)}" fill="${url(s, name)}"/>`);
    if (i < n - 1) {
      const top = base - amp * 0.3;
      out.push(`<rect x="0" y="${num(top)}" width="${w}" height="${num(h * 0.12)}" fill="${url(s, 'mist')}"/>`);
    }
  }
  return out.join('');
};

// ---------------------------------------------------------------- waves

const waves: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const out: string[] = [];
  const horizon = h * (s.wide ? rng.range(0.5, 0.6) : rng.range(0.44, 0.56));
  const r = Math.min(w, h) * rng.range(0.07, 0.16);
  const sx = s.focus.x;
  // Anywhere from half-sunk to high in the sky.
  const sy = horizon - r * 0.1 - rng.next() * Math.max(0, horizon - r * 2.5 - h * 0.08);
  out.push(celestial(s, sx, sy, r, 'sun'));
  const silhouette = darken(s.deep, 0.55);
  if (rng.chance(0.45)) {
    // A low island or headland on the horizon.
    const start = rng.range(-0.2, 0.6) * w;
    const len = w * rng.range(0.25, 0.6);
    const hump = h * rng.range(0.015, 0.05);
    out.push(
      `<path d="M${num(start)} ${num(horizon + 1)}Q${num(start + len * 0.3)} ${num(horizon - hump * 2)} ${num(start + len * 0.55)} ${num(horizon - hump)}T${num(start + len)} ${num(horizon + 1)}Z" fill="${mix(s.deep, s.mid, 0.35)}"/>`,
    );
  }
  verticalGradient(s, 'sea', [
    [0, mix(s.mid, s.accent, 0.2), 1],
    [1, darken(s.deep, 0.4), 1],
  ]);
  out.push(`<rect x="0" y="${num(horizon)}" width="${w}" height="${num(h - horizon)}" fill="${url(s, 'sea')}"/>`);
  // Reflection on the water under the sun.
  let glints = '';
  for (let y = horizon + 2; y < h; y += rng.range(2.5, 6) * scale) {
    const t = (y - horizon) / (h - horizon);
    const half = r * rng.range(0.15, 0.9) * (1 - t * 0.5);
    glints += `M${num(sx - half + rng.range(-0.2, 0.2) * r)} ${num(y)}h${num(half * 2)}`;
  }
  out.push(`<path d="${glints}" stroke="${lighten(s.accent, 0.5)}" stroke-width="${num(1.5 * scale)}" opacity="0.55" fill="none"/>`);
  const feature = rng.next();
  if (feature < 0.3) {
    // A sailing boat, small against the sea.
    const bx = sx + (rng.chance(0.5) ? -1 : 1) * rng.range(0.6, 1.8) * r;
    const by = horizon + h * rng.range(0.02, 0.06);
    const m = rng.range(26, 40) * scale;
    out.push(
      `<path d="M${num(bx - m * 0.45)} ${num(by)}L${num(bx + m * 0.5)} ${num(by)}L${num(bx + m * 0.35)} ${num(by + m * 0.14)}L${num(bx - m * 0.3)} ${num(by + m * 0.14)}Z` +
        `M${num(bx)} ${num(by - 2)}L${num(bx)} ${num(by - m)}L${num(bx + m * 0.42)} ${num(by - 2)}Z` +
        `M${num(bx - 2)} ${num(by - 2)}L${num(bx - 2)} ${num(by - m * 0.8)}L${num(bx - m * 0.3)} ${num(by - 2)}Z" fill="${silhouette}"/>`,
    );
  } else if (feature < 0.5) {
    // A lighthouse on a rock, its beam sweeping the dark.
    const lx = s.wide ? w * rng.range(0.82, 0.92) : (sx < w / 2 ? w * rng.range(0.72, 0.86) : w * rng.range(0.14, 0.28));
    const base = horizon + h * 0.02;
    const tall = h * rng.range(0.12, 0.17);
    const half = tall * 0.09;
    const dir = lx > w / 2 ? -1 : 1;
    out.push(
      `<path d="M${num(lx)} ${num(base - tall + half)}L${num(lx + dir * w * 0.9)} ${num(base - tall - h * 0.08)}L${num(lx + dir * w * 0.9)} ${num(base - tall + h * 0.06)}Z" fill="${lighten(s.accent, 0.5)}" opacity="0.16"/>`,
      `<path d="M${num(lx - tall * 0.5)} ${num(base + tall * 0.08)}Q${num(lx)} ${num(base - tall * 0.12)} ${num(lx + tall * 0.55)} ${num(base + tall * 0.08)}Z` +
        `M${num(lx - half * 1.3)} ${num(base)}L${num(lx - half * 0.8)} ${num(base - tall)}L${num(lx + half * 0.8)} ${num(base - tall)}L${num(lx + half * 1.3)} ${num(base)}Z` +
        `M${num(lx - half)} ${num(base - tall - half * 1.6)}L${num(lx)} ${num(base - tall - half * 2.6)}L${num(lx + half)} ${num(base - tall - half * 1.6)}Z" fill="${silhouette}"/>`,
      glow(s, lx, base - tall - half * 0.8, half * 1.3, lighten(s.accent, 0.6), 0.9, 'b1'),
    );
  }
  const bands = rng.int(6, 9);
  for (let i = 0; i < bands; i++) {
    const t = (i + 1) / bands;
    const y0 = horizon + (h - horizon) * Math.pow(t, 1.35) * 0.92;
    const amp = (2 + 16 * t) * scale * rng.range(0.7, 1.3);
    const len = rng.range(140, 300) * scale;
    const len2 = len * rng.range(0.3, 0.45);
    const ph = rng.range(0, Math.PI * 2);
    const ph2 = rng.range(0, Math.PI * 2);
    let crest = '';
    for (let x = 0; x <= w + 8; x += 8) {
      const y = y0 + amp * Math.sin((x / len) * Math.PI * 2 + ph) + amp * 0.35 * Math.sin((x / len2) * Math.PI * 2 + ph2);
      crest += `${x === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`;
    }
    const fill = mix(mix(s.mid, s.accent, 0.12 * (1 - t)), darken(s.deep, 0.5), Math.pow(t, 0.8));
    out.push(`<path d="${crest}L${num(w + 8)} ${h}L0 ${h}Z" fill="${fill}" opacity="0.93"/>`);
    out.push(
      `<path d="${crest}" fill="none" stroke="${lighten(s.accent, 0.3)}" stroke-width="${num((0.8 + t) * scale)}" opacity="${op(0.45 * (1 - t) + 0.08)}"/>`,
    );
  }
  return out.join('');
};

// ---------------------------------------------------------------- starfield

const starfield: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const out: string[] = [];
  const clouds = rng.int(3, 5);
  const cloudColors = [s.accent, s.mid, lighten(s.mid, 0.25)];
  for (let i = 0; i < clouds; i++) {
    const cx = s.focus.x + rng.range(-0.35, 0.35) * w;
    const cy = s.focus.y + rng.range(-0.2, 0.35) * h;
    const rx = w * rng.range(0.25, 0.55);
    const ry = rx * rng.range(0.3, 0.7);
    out.push(
      `<ellipse cx="${num(cx)}" cy="${num(cy)}" rx="${num(rx)}" ry="${num(ry)}" fill="${cloudColors[i % 3]}" opacity="${op(rng.range(0.15, 0.32))}" transform="rotate(${num(rng.range(-40, 40))} ${num(cx)} ${num(cy)})" filter="${url(s, 'b4')}"/>`,
    );
  }
  const count = s.wide ? 380 : 230;
  let faint = '';
  const stars: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = rng.range(0, w);
    const y = rng.range(0, h);
    const size = (0.35 + Math.pow(rng.next(), 4) * 1.5) * scale;
    if (size < 0.8 * scale) {
      faint += `M${num(x)} ${num(y)}h${num(size * 1.4)}`;
    } else {
      const color = mix('#ffffff', s.accent, rng.range(0, 0.5));
      stars.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(size)}" fill="${color}" opacity="${op(rng.range(0.5, 1))}"/>`);
    }
  }
  out.push(`<path d="${faint}" stroke="#ffffff" stroke-width="${num(0.9 * scale)}" opacity="0.55"/>`);
  out.push(stars.join(''));
  if (rng.chance(0.6)) {
    // A ringed planet, with the far half of its ring behind it.
    const pr = Math.min(w, h) * (s.wide ? rng.range(0.09, 0.15) : rng.range(0.1, 0.2));
    const px = s.wide ? w * rng.range(0.74, 0.86) : w * rng.range(0.2, 0.8);
    const py = s.wide ? h * rng.range(0.2, 0.45) : h * rng.range(0.18, 0.45);
    radialGradient(
      s,
      'planet',
      [
        [0, lighten(s.mid, 0.45), 1],
        [0.6, s.mid, 1],
        [1, darken(s.deep, 0.4), 1],
      ],
      0.3,
      0.3,
    );
    const tilt = rng.range(-25, 25);
    const rx = pr * 1.9;
    const ry = pr * rng.range(0.25, 0.45);
    const ringed = rng.chance(0.6);
    const ring = (sweep: 0 | 1): string =>
      `<path d="M${num(-rx)} 0A${num(rx)} ${num(ry)} 0 0 ${sweep} ${num(rx)} 0" fill="none" stroke="${lighten(s.accent, 0.2)}" stroke-width="${num(pr * 0.08)}" opacity="0.75" transform="translate(${num(px)} ${num(py)}) rotate(${num(tilt)})"/>`;
    out.push(glow(s, px, py, pr * 1.4, s.accent, 0.25));
    if (ringed) out.push(ring(1));
    out.push(`<circle cx="${num(px)}" cy="${num(py)}" r="${num(pr)}" fill="${url(s, 'planet')}"/>`);
    if (ringed) out.push(ring(0));
  }
  const bright = rng.int(4, 8);
  let spikes = '';
  for (let i = 0; i < bright; i++) {
    const x = rng.range(0.05, 0.95) * w;
    const y = rng.range(0.04, 0.7) * h;
    const len = rng.range(6, 16) * scale;
    const t = len * 0.12;
    spikes += `M${num(x)} ${num(y - len)}L${num(x + t)} ${num(y)}L${num(x)} ${num(y + len)}L${num(x - t)} ${num(y)}Z`;
    spikes += `M${num(x - len)} ${num(y)}L${num(x)} ${num(y - t)}L${num(x + len)} ${num(y)}L${num(x)} ${num(y + t)}Z`;
    out.push(glow(s, x, y, len * 0.5, s.accent, 0.7, 'b2'));
  }
  out.push(`<path d="${spikes}" fill="${lighten(s.accent, 0.75)}"/>`);
  return out.join('');
};

// ---------------------------------------------------------------- grid

const grid: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const out: string[] = [];
  const horizon = h * (s.wide ? rng.range(0.58, 0.66) : rng.range(0.55, 0.62));
  const vx = s.wide ? w * rng.range(0.55, 0.72) : w * rng.range(0.4, 0.6);
  const R = (s.wide ? h * rng.range(0.26, 0.34) : w * rng.range(0.24, 0.33));
  const cy = horizon - R * rng.range(0.35, 0.75);
  verticalGradient(s, 'glowsky', [
    [0, s.accent, 0],
    [1, s.accent, 0.45],
  ]);
  out.push(`<rect x="0" y="${num(horizon - h * 0.3)}" width="${w}" height="${num(h * 0.3)}" fill="${url(s, 'glowsky')}"/>`);
  if (rng.chance(0.5)) {
    let dots = '';
    for (let i = 0; i < (s.wide ? 90 : 60); i++) {
      dots += `M${num(rng.range(0, w))} ${num(rng.range(0, horizon * 0.8))}h${num(1.2 * scale)}`;
    }
    out.push(`<path d="${dots}" stroke="#ffffff" stroke-width="${num(1.2 * scale)}" opacity="0.5"/>`);
  }
  // The sun, sliced by a mask of widening gaps.
  s.defs.push(
    `<linearGradient id="${id(s, 'sun')}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${lighten(s.accent, 0.55)}"/><stop offset="0.55" stop-color="${s.accent}"/><stop offset="1" stop-color="${mix(s.accent, s.mid, 0.55)}"/></linearGradient>`,
  );
  const slices = rng.int(5, 8);
  const sliceTop = cy - R * rng.range(0, 0.25);
  const sliceBottom = Math.min(horizon, cy + R);
  let gaps = '';
  for (let i = 0; i < slices; i++) {
    const t = i / slices;
    const y = sliceTop + (sliceBottom - sliceTop) * t;
    const gap = R * (0.02 + 0.07 * t);
    gaps += `<rect x="${num(vx - R)}" y="${num(y)}" width="${num(R * 2)}" height="${num(gap)}" fill="#000000"/>`;
  }
  s.defs.push(
    `<mask id="${id(s, 'slices')}" maskUnits="userSpaceOnUse" x="0" y="0" width="${w}" height="${h}"><rect x="0" y="0" width="${w}" height="${h}" fill="#ffffff"/>${gaps}</mask>`,
  );
  out.push(glow(s, vx, cy, R * 1.5, s.accent, 0.4));
  out.push(`<circle cx="${num(vx)}" cy="${num(cy)}" r="${num(R)}" fill="${url(s, 'sun')}" mask="${url(s, 'slices')}"/>`);
  if (rng.chance(0.65)) {
    const ys = ridge(rng, horizon - h * 0.03, h * 0.05, 0.55, 32).map((y) => Math.min(y, horizon));
    const dx = w / (ys.length - 1);
    const edge = ys.map((y, i) => `${i === 0 ? 'M' : 'L'}${num(i * dx)} ${num(y)}`).join('');
    out.push(`<path d="${areaUnder(ys, w, horizon + 1)}" fill="${darken(s.deep, 0.3)}"/>`);
    out.push(`<path d="${edge}" fill="none" stroke="${s.accent}" stroke-width="${num(1.2 * scale)}" opacity="0.6"/>`);
  }
  out.push(`<rect x="0" y="${num(horizon)}" width="${w}" height="${num(h - horizon)}" fill="${darken(s.deep, 0.45)}"/>`);
  const rows = rng.int(11, 16);
  const lineColor = lighten(s.accent, 0.15);
  const lines: string[] = [];
  for (let j = 1; j <= rows; j++) {
    const t = j / rows;
    const y = horizon + (h - horizon) * Math.pow(t, 2.1);
    lines.push(
      `<path d="M0 ${num(y)}H${w}" stroke="${lineColor}" stroke-width="${num((0.6 + 1.6 * t) * scale)}" opacity="${op(0.15 + 0.7 * t)}"/>`,
    );
  }
  const spread = w * rng.range(0.09, 0.14);
  // Enough rays to reach both sides of the frame at the bottom edge.
  const columns = Math.ceil(Math.max(vx, w - vx) / spread) + 1;
  let rays = '';
  for (let k = -columns; k <= columns; k++) {
    rays += `M${num(vx + k * spread * 0.08)} ${num(horizon)}L${num(vx + k * spread)} ${h}`;
  }
  lines.push(`<path d="${rays}" stroke="${lineColor}" stroke-width="${num(1.3 * scale)}" opacity="0.6"/>`);
  out.push(lines.join(''));
  out.push(
    `<path d="M0 ${num(horizon)}H${w}" stroke="${lighten(s.accent, 0.5)}" stroke-width="${num(2.5 * scale)}" filter="${url(s, 'b1')}"/>`,
  );
  return out.join('');
};

// ---------------------------------------------------------------- stripes

/** Stripes' other form: rays fanning out from a low sun, fading with distance. */
function sunburst(s: Scene): string {
  const { rng, w, h } = s;
  const cx = s.focus.x;
  const cy = h * (s.wide ? rng.range(0.45, 0.7) : rng.range(0.3, 0.48));
  const reach = Math.hypot(w, h);
  const count = rng.int(14, 28);
  const spin = rng.range(0, 360);
  const colors = [s.accent, lighten(s.accent, 0.3), mix(s.accent, s.mid, 0.5)];
  let wedges = '';
  for (let i = 0; i < count; i++) {
    const a0 = ((spin + (i / count) * 360) * Math.PI) / 180;
    const a1 = a0 + ((360 / count) * rng.range(0.25, 0.6) * Math.PI) / 180;
    wedges +=
      `<path d="M${num(cx)} ${num(cy)}L${num(cx + Math.cos(a0) * reach)} ${num(cy + Math.sin(a0) * reach)}` +
      `L${num(cx + Math.cos(a1) * reach)} ${num(cy + Math.sin(a1) * reach)}Z" fill="${rng.pick(colors)}" opacity="${op(rng.range(0.18, 0.55))}"/>`;
  }
  s.defs.push(
    `<radialGradient id="${id(s, 'raysfade')}" gradientUnits="userSpaceOnUse" cx="${num(cx)}" cy="${num(cy)}" r="${num(reach * 0.62)}"><stop offset="0" stop-color="#ffffff" stop-opacity="1"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`,
    `<mask id="${id(s, 'rays')}" maskUnits="userSpaceOnUse" x="0" y="0" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="${url(s, 'raysfade')}"/></mask>`,
  );
  const r = Math.min(w, h) * rng.range(0.08, 0.14);
  return `<g mask="${url(s, 'rays')}">${wedges}</g>` + celestial(s, cx, cy, r, 'raysun');
}

const stripes: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  if (rng.chance(0.4)) return sunburst(s);
  const angle = (rng.chance(0.5) ? -1 : 1) * rng.range(22, 58);
  const cx = s.focus.x;
  const cy = s.focus.y + h * 0.1;
  const reach = Math.hypot(w, h);
  const palette = [s.accent, lighten(s.accent, 0.35), s.mid, lighten(s.mid, 0.2), mix(s.accent, s.mid, 0.5)];
  const out: string[] = [glow(s, s.focus.x, s.focus.y, Math.min(w, h) * 0.45, s.accent, 0.35)];
  let x = -reach;
  let bands = '';
  while (x < reach) {
    const bw = (rng.chance(0.3) ? rng.range(1.2, 4) : rng.range(8, 60)) * scale;
    const start = -reach + rng.range(0, reach * 0.9);
    const end = reach - rng.range(0, reach * 0.9);
    if (end - start > bw * 2) {
      const color = rng.pick(palette);
      bands += `<rect x="${num(x)}" y="${num(start)}" width="${num(bw)}" height="${num(end - start)}" rx="${num(Math.min(bw / 2, 30))}" fill="${color}" opacity="${op(rng.range(0.25, 0.95))}"/>`;
    }
    x += bw + rng.range(3, 40) * scale;
  }
  s.defs.push(
    `<linearGradient id="${id(s, 'fade')}" gradientUnits="userSpaceOnUse" x1="0" y1="${num(-reach * 0.7)}" x2="0" y2="${num(reach * 0.7)}"><stop offset="0" stop-color="#ffffff" stop-opacity="0"/><stop offset="0.45" stop-color="#ffffff" stop-opacity="1"/><stop offset="0.6" stop-color="#ffffff" stop-opacity="1"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></linearGradient>`,
    `<mask id="${id(s, 'streak')}" maskUnits="userSpaceOnUse" maskContentUnits="userSpaceOnUse" x="${num(-reach)}" y="${num(-reach)}" width="${num(reach * 2)}" height="${num(reach * 2)}"><rect x="${num(-reach)}" y="${num(-reach)}" width="${num(reach * 2)}" height="${num(reach * 2)}" fill="${url(s, 'fade')}"/></mask>`,
  );
  out.push(
    `<g transform="translate(${num(cx)} ${num(cy)}) rotate(${num(angle)})"><g mask="${url(s, 'streak')}">${bands}</g></g>`,
  );
  return out.join('');
};

// ---------------------------------------------------------------- orb

const orb: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const out: string[] = [];
  const R = s.wide ? h * rng.range(0.3, 0.4) : w * rng.range(0.3, 0.4);
  const cx = s.wide ? w * rng.range(0.58, 0.74) : w * rng.range(0.36, 0.64);
  const cy = h * (s.wide ? rng.range(0.42, 0.55) : rng.range(0.4, 0.5));
  out.push(glow(s, cx, cy, R * 1.7, s.accent, 0.45));
  for (let i = 1; i <= 2; i++) {
    out.push(
      `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(R * (1 + 0.14 * i))}" fill="none" stroke="${lighten(s.accent, 0.4)}" stroke-width="${num(1.2 * scale)}" opacity="${op(0.3 / i)}"/>`,
    );
  }
  radialGradient(
    s,
    'orb',
    [
      [0, lighten(s.accent, 0.6), 1],
      [0.5, lighten(s.accent, 0.15), 1],
      [1, mix(s.accent, s.mid, 0.45), 1],
    ],
    0.38,
    0.32,
  );
  out.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(R)}" fill="${url(s, 'orb')}"/>`);
  if (rng.chance(0.5)) {
    for (let i = rng.int(4, 8); i > 0; i--) {
      const a = rng.range(0, Math.PI * 2);
      const d = Math.sqrt(rng.next()) * R * 0.8;
      out.push(
        `<circle cx="${num(cx + Math.cos(a) * d)}" cy="${num(cy + Math.sin(a) * d)}" r="${num(R * rng.range(0.04, 0.13))}" fill="${mix(s.accent, s.mid, 0.6)}" opacity="${op(rng.range(0.12, 0.28))}"/>`,
      );
    }
  }
  const haze: string[] = [];
  for (let i = rng.int(2, 5); i > 0; i--) {
    const y = cy + rng.range(-0.6, 0.8) * R;
    const bh = rng.range(2, 14) * scale;
    const len = R * rng.range(1.2, 2.8);
    haze.push(
      `<rect x="${num(cx - len / 2 + rng.range(-0.5, 0.5) * R)}" y="${num(y)}" width="${num(len)}" height="${num(bh)}" rx="${num(bh / 2)}" fill="${s.mid}" opacity="${op(rng.range(0.35, 0.7))}"/>`,
    );
  }
  out.push(`<g filter="${url(s, 'b1')}">${haze.join('')}</g>`);
  // A hill that cuts the disc, sometimes with a lone figure on its crest.
  const crestX = cx + rng.range(-0.4, 0.4) * R;
  const crestY = cy + R * rng.range(0.55, 0.8);
  const hill = `M0 ${h}L0 ${num(crestY + h * 0.12)}Q${num(crestX)} ${num(crestY - h * 0.1)} ${w} ${num(crestY + h * 0.1)}L${w} ${h}Z`;
  out.push(`<path d="${hill}" fill="${darken(s.deep, 0.55)}"/>`);
  if (rng.chance(0.7)) {
    const fh = (s.wide ? 46 : 34) * rng.range(0.85, 1.15);
    // The quadratic's height at crestX, so the figure stands on the slope.
    const t = crestX / w;
    const groundY = (1 - t) * (1 - t) * (crestY + h * 0.12) + 2 * (1 - t) * t * (crestY - h * 0.1) + t * t * (crestY + h * 0.1);
    const fx = crestX;
    const fy = groundY + 1;
    const head = fh * 0.11;
    const body =
      `M${num(fx - fh * 0.1)} ${num(fy)}L${num(fx - fh * 0.07)} ${num(fy - fh * 0.45)}L${num(fx - fh * 0.13)} ${num(fy - fh * 0.5)}` +
      `L${num(fx - fh * 0.12)} ${num(fy - fh * 0.76)}Q${num(fx)} ${num(fy - fh * 0.84)} ${num(fx + fh * 0.12)} ${num(fy - fh * 0.76)}` +
      `L${num(fx + fh * 0.13)} ${num(fy - fh * 0.5)}L${num(fx + fh * 0.07)} ${num(fy - fh * 0.45)}L${num(fx + fh * 0.1)} ${num(fy)}Z`;
    out.push(
      `<path d="${body}" fill="${darken(s.deep, 0.55)}"/><circle cx="${num(fx)}" cy="${num(fy - fh * 0.87)}" r="${num(head)}" fill="${darken(s.deep, 0.55)}"/>`,
    );
  }
  return out.join('');
};

// ---------------------------------------------------------------- shards

const shards: MotifPainter = (s) => {
  const { rng, w, h } = s;
  const cols = s.wide ? 12 : 6;
  const rows = s.wide ? 7 : 9;
  const pts: Array<Array<{ x: number; y: number }>> = [];
  for (let j = 0; j <= rows; j++) {
    const row: Array<{ x: number; y: number }> = [];
    for (let i = 0; i <= cols; i++) {
      const edgeX = i === 0 || i === cols;
      const edgeY = j === 0 || j === rows;
      const jx = edgeX ? 0 : rng.range(-0.42, 0.42) * (w / cols);
      const jy = edgeY ? 0 : rng.range(-0.42, 0.42) * (h / rows);
      row.push({ x: (i / cols) * w + jx, y: (j / rows) * h + jy });
    }
    pts.push(row);
  }
  const maxDist = Math.hypot(w, h) * 0.75;
  const tone = (x: number, y: number): string => {
    const t = Math.min(1, Math.hypot(x - s.focus.x, y - s.focus.y) / maxDist);
    const base = t < 0.35 ? mix(s.accent, s.mid, t / 0.35) : mix(s.mid, darken(s.deep, 0.2), (t - 0.35) / 0.65);
    const jitter = rng.range(-0.14, 0.14);
    return jitter >= 0 ? lighten(base, jitter) : darken(base, -jitter);
  };
  const out: string[] = [];
  const tri = (a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }): void => {
    const color = tone((a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3);
    out.push(
      `<path d="M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}L${num(c.x)} ${num(c.y)}Z" fill="${color}" stroke="${color}" stroke-width="0.8" stroke-linejoin="round"/>`,
    );
  };
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const p00 = pts[j][i];
      const p10 = pts[j][i + 1];
      const p01 = pts[j + 1][i];
      const p11 = pts[j + 1][i + 1];
      if (rng.chance(0.5)) {
        tri(p00, p10, p11);
        tri(p00, p11, p01);
      } else {
        tri(p00, p10, p01);
        tri(p10, p11, p01);
      }
    }
  }
  // Glints: a few facets edged with light.
  let edges = '';
  const fi = Math.min(cols - 1, Math.floor((s.focus.x / w) * cols));
  const fj = Math.min(rows - 1, Math.floor((s.focus.y / h) * rows));
  for (let k = rng.int(3, 6); k > 0; k--) {
    const j = Math.max(0, Math.min(rows - 1, fj + rng.int(-2, 2)));
    const i = Math.max(0, Math.min(cols - 1, fi + rng.int(-2, 2)));
    const a = pts[j][i];
    const b = pts[j][i + 1];
    const c = pts[j + 1][i + 1];
    edges += `M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}L${num(c.x)} ${num(c.y)}Z`;
  }
  out.push(`<path d="${edges}" fill="${lighten(s.accent, 0.5)}" fill-opacity="0.12" stroke="${lighten(s.accent, 0.6)}" stroke-width="${num(1.2 * s.scale)}" stroke-opacity="0.7" stroke-linejoin="round"/>`);
  out.push(glow(s, s.focus.x, s.focus.y, Math.min(w, h) * 0.25, lighten(s.accent, 0.4), 0.35));
  return out.join('');
};

// ---------------------------------------------------------------- bokeh

const bokeh: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const colors = [s.accent, lighten(s.accent, 0.45), lighten(s.mid, 0.35), mix(s.accent, s.mid, 0.5)];
  const near: string[] = [];
  const far: string[] = [];
  const sharp: string[] = [];
  const count = s.wide ? 60 : 42;
  for (let i = 0; i < count; i++) {
    const spreadX = s.wide ? 0.45 : 0.6;
    const x = s.focus.x + (rng.next() - rng.next()) * w * spreadX;
    const y = s.focus.y + (rng.next() - rng.next()) * h * 0.55;
    const r = (5 + Math.pow(rng.next(), 2) * 55) * scale;
    const color = rng.pick(colors);
    const alpha = rng.range(0.12, 0.55);
    const circle = `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${color}" opacity="${op(alpha)}"/>`;
    if (r > 32 * scale) {
      far.push(circle);
    } else if (r > 14 * scale) {
      near.push(circle);
    } else {
      sharp.push(
        `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${color}" fill-opacity="${op(alpha)}" stroke="${lighten(color, 0.4)}" stroke-width="${num(0.8 * scale)}" stroke-opacity="${op(alpha + 0.2)}"/>`,
      );
    }
  }
  const out: string[] = [glow(s, s.focus.x, s.focus.y, Math.min(w, h) * 0.4, s.accent, 0.3)];
  out.push(`<g filter="${url(s, 'b3')}">${far.join('')}</g>`);
  out.push(`<g filter="${url(s, 'b2')}">${near.join('')}</g>`);
  out.push(`<g filter="${url(s, 'b1')}">${sharp.join('')}</g>`);
  if (rng.chance(0.5)) {
    // A string of small lights sagging across the frame.
    const y0 = h * rng.range(0.08, 0.25);
    const sag = h * rng.range(0.06, 0.14);
    const tiltY = rng.range(-0.06, 0.06) * h;
    const bulbs: string[] = [];
    let wire = '';
    const steps = s.wide ? 26 : 12;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const x = t * w;
      const y = y0 + tiltY * t + sag * (1 - Math.pow(2 * t - 1, 2));
      wire += `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`;
      bulbs.push(glow(s, x, y + 4 * scale, 6 * scale, s.accent, 0.8, 'b2'));
      bulbs.push(`<circle cx="${num(x)}" cy="${num(y + 4 * scale)}" r="${num(2 * scale)}" fill="${lighten(s.accent, 0.7)}"/>`);
    }
    out.push(`<path d="${wire}" fill="none" stroke="${darken(s.deep, 0.3)}" stroke-width="${num(scale)}" opacity="0.7"/>`);
    out.push(bulbs.join(''));
  }
  return out.join('');
};

// ---------------------------------------------------------------- forest

function pine(x: number, base: number, height: number, rng: Rng): string {
  const tiers = rng.int(4, 6);
  const half = height * rng.range(0.2, 0.28);
  const top = base - height;
  const trunk = height * 0.08;
  const left: string[] = [];
  const right: string[] = [];
  for (let k = 1; k <= tiers; k++) {
    const t = k / tiers;
    const y = top + (height - trunk) * t;
    const outer = half * t;
    const inner = outer * 0.55;
    left.push(`L${num(x - outer)} ${num(y)}`);
    right.unshift(`L${num(x + outer)} ${num(y)}`);
    if (k < tiers) {
      left.push(`L${num(x - inner)} ${num(y - height * 0.02)}`);
      right.unshift(`L${num(x + inner)} ${num(y - height * 0.02)}`);
    }
  }
  const tw = Math.max(1, half * 0.12);
  return (
    `M${num(x)} ${num(top)}${left.join('')}L${num(x - tw)} ${num(base - trunk)}L${num(x - tw)} ${num(base)}` +
    `L${num(x + tw)} ${num(base)}L${num(x + tw)} ${num(base - trunk)}${right.join('')}Z`
  );
}

const forest: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const out: string[] = [];
  const mr = Math.min(w, h) * rng.range(0.08, 0.14);
  out.push(celestial(s, s.focus.x, s.focus.y, mr, 'moon'));
  verticalGradient(s, 'fog', [
    [0, lighten(s.mid, 0.2), 0],
    [1, lighten(s.mid, 0.2), 0.45],
  ]);
  const n = 4;
  const far = mix(s.mid, s.accent, 0.2);
  const near = darken(s.deep, 0.6);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const base = h * (s.wide ? 0.6 + 0.3 * t : 0.56 + 0.3 * t);
    const color = mix(far, near, Math.pow(t, 0.7));
    let d = `M0 ${h}L0 ${num(base)}L${w} ${num(base)}L${w} ${h}Z`;
    let x = -rng.range(0, 20) * scale;
    while (x < w + 20 * scale) {
      const height = h * rng.range(0.12, 0.26) * (0.7 + 0.45 * t) * (s.wide ? 0.9 : 1);
      d += pine(x, base + rng.range(0, 6) * scale, height, rng);
      x += rng.range(0.35, 0.9) * height * 0.45;
    }
    out.push(`<path d="${d}" fill="${color}"/>`);
    if (i < n - 1) {
      out.push(`<rect x="0" y="${num(base - h * 0.1)}" width="${w}" height="${num(h * 0.12)}" fill="${url(s, 'fog')}"/>`);
    }
  }
  return out.join('');
};

// ---------------------------------------------------------------- rain

const rain: MotifPainter = (s) => {
  const { rng, w, h, scale } = s;
  const out: string[] = [];
  const ground = h * (s.wide ? rng.range(0.78, 0.84) : rng.range(0.76, 0.82));
  // Far buildings, dim, with a few lit windows blurred by the rain.
  let blocks = '';
  let x = -rng.range(0, 20);
  while (x < w) {
    const bw = rng.range(30, 90) * scale;
    const bh = h * rng.range(0.2, 0.5);
    blocks += `M${num(x)} ${num(ground)}V${num(ground - bh)}H${num(x + bw)}V${num(ground)}Z`;
    x += bw + rng.range(0, 10) * scale;
  }
  out.push(`<path d="${blocks}" fill="${mix(s.deep, s.mid, 0.35)}" opacity="0.8"/>`);
  const lights = rng.int(4, 8);
  const lampXs: number[] = [];
  for (let i = 0; i < lights; i++) {
    const lx = rng.range(0.05, 0.95) * w;
    const ly = ground - h * rng.range(0.05, 0.45);
    lampXs.push(lx);
    out.push(glow(s, lx, ly, rng.range(14, 40) * scale, rng.chance(0.5) ? s.accent : lighten(s.mid, 0.4), rng.range(0.35, 0.7), 'b3'));
  }
  // Wet street with smeared reflections of the lights.
  verticalGradient(s, 'street', [
    [0, mix(s.deep, s.mid, 0.3), 1],
    [1, darken(s.deep, 0.5), 1],
  ]);
  out.push(`<rect x="0" y="${num(ground)}" width="${w}" height="${num(h - ground)}" fill="${url(s, 'street')}"/>`);
  const smears = lampXs
    .map(
      (lx) =>
        `<rect x="${num(lx - 5 * scale)}" y="${num(ground)}" width="${num(10 * scale)}" height="${num(h - ground)}" fill="${s.accent}" opacity="0.35"/>`,
    )
    .join('');
  out.push(`<g filter="${url(s, 'b2')}">${smears}</g>`);
  // A street lamp with its cone of light.
  const px = s.wide ? w * rng.range(0.58, 0.78) : s.focus.x;
  const top = h * (s.wide ? rng.range(0.18, 0.3) : rng.range(0.2, 0.32));
  const coneW = (s.wide ? 150 : 110) * rng.range(0.8, 1.2);
  s.defs.push(
    `<linearGradient id="${id(s, 'cone')}" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${lighten(s.accent, 0.5)}" stop-opacity="0.55"/><stop offset="1" stop-color="${s.accent}" stop-opacity="0.04"/></linearGradient>`,
  );
  out.push(
    `<path d="M${num(px - 8 * scale)} ${num(top + 8 * scale)}L${num(px - coneW)} ${num(ground)}L${num(px + coneW)} ${num(ground)}L${num(px + 8 * scale)} ${num(top + 8 * scale)}Z" fill="${url(s, 'cone')}"/>`,
  );
  out.push(glow(s, px, top + 6 * scale, 30 * scale, lighten(s.accent, 0.3), 0.8, 'b3'));
  out.push(
    `<path d="M${num(px - 2 * scale)} ${h}V${num(top)}H${num(px + 2 * scale)}V${h}Z" fill="${darken(s.deep, 0.6)}"/>` +
      `<path d="M${num(px - 12 * scale)} ${num(top + 8 * scale)}L${num(px - 7 * scale)} ${num(top - 2 * scale)}H${num(px + 7 * scale)}L${num(px + 12 * scale)} ${num(top + 8 * scale)}Z" fill="${darken(s.deep, 0.6)}"/>` +
      `<ellipse cx="${num(px)}" cy="${num(top + 9 * scale)}" rx="${num(9 * scale)}" ry="${num(2.5 * scale)}" fill="${lighten(s.accent, 0.8)}"/>`,
  );
  // Rain, in three weights.
  const slant = rng.range(-0.3, 0.12);
  const streaks = ['', '', ''];
  const count = s.wide ? 420 : 260;
  for (let i = 0; i < count; i++) {
    const len = rng.range(12, 46) * scale;
    const sx = rng.range(-0.1, 1.1) * w;
    const sy = rng.range(-0.05, 1) * h;
    streaks[rng.int(0, 2)] += `M${num(sx)} ${num(sy)}l${num(len * slant)} ${num(len)}`;
  }
  const weights = [0.12, 0.22, 0.4];
  streaks.forEach((d, i) => {
    out.push(
      `<path d="${d}" stroke="${lighten(s.accent, 0.75)}" stroke-width="${num((0.6 + i * 0.35) * scale)}" opacity="${op(weights[i])}" stroke-linecap="round"/>`,
    );
  });
  return out.join('');
};

export const MOTIF_PAINTERS: Record<ArtworkMotif, MotifPainter> = {
  rings,
  skyline,
  mountains,
  waves,
  starfield,
  grid,
  stripes,
  orb,
  shards,
  bokeh,
  forest,
  rain,
};
