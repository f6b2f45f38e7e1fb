import { lighten } from './color';
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

export const id = (s: Scene, name: string): string => `${s.uid}-${name}`;
export const url = (s: Scene, name: string): string => `url(#${id(s, name)})`;

/** A soft blurred disc of light. The renderer defines the blur filters b1 to b4. */
export function glow(s: Scene, x: number, y: number, r: number, color: string, opacity: number, blur = 'b4'): string {
  return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${color}" opacity="${op(opacity)}" filter="${url(s, blur)}"/>`;
}

export function verticalGradient(s: Scene, name: string, stops: Array<[number, string, number]>): void {
  const body = stops
    .map(([at, color, alpha]) => `<stop offset="${op(at)}" stop-color="${color}" stop-opacity="${op(alpha)}"/>`)
    .join('');
  s.defs.push(`<linearGradient id="${id(s, name)}" x1="0" y1="0" x2="0" y2="1">${body}</linearGradient>`);
}

export function radialGradient(s: Scene, name: string, stops: Array<[number, string, number]>, fx = 0.5, fy = 0.5): void {
  const body = stops
    .map(([at, color, alpha]) => `<stop offset="${op(at)}" stop-color="${color}" stop-opacity="${op(alpha)}"/>`)
    .join('');
  s.defs.push(
    `<radialGradient id="${id(s, name)}" cx="0.5" cy="0.5" r="0.5" fx="${op(fx)}" fy="${op(fy)}">${body}</radialGradient>`,
  );
}

/** Heights along a ridge by midpoint displacement; steps must be a power of two. */
export function ridge(rng: Rng, base: number, amp: number, roughness: number, steps = 64): number[] {
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
export function areaUnder(ys: number[], w: number, bottom: number): string {
  const dx = w / (ys.length - 1);
  const pts = ys.map((y, i) => `L${num(i * dx)} ${num(y)}`).join('');
  return `M0 ${num(bottom)}${pts}L${num(w)} ${num(bottom)}Z`;
}

/** A sun or moon: glow, disc with a soft radial fill. */
export function celestial(s: Scene, x: number, y: number, r: number, name: string): string {
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
