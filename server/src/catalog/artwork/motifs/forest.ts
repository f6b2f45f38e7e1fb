import { darken, lighten, mix } from '../color';
import { Rng } from '../prng';
import { celestial, MotifPainter, num, url, verticalGradient } from '../scene';

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

export const forest: MotifPainter = (s) => {
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
