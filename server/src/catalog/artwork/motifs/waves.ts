import { darken, lighten, mix } from '../color';
import { celestial, glow, MotifPainter, num, op, url, verticalGradient } from '../scene';

export const waves: MotifPainter = (s) => {
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
