import { darken, lighten, mix } from '../color';
import { celestial, MotifPainter, num, op, url, verticalGradient } from '../scene';

export const skyline: MotifPainter = (s) => {
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
