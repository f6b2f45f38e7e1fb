import { darken, lighten, mix } from '../color';
import { glow, MotifPainter, num, op, radialGradient, url } from '../scene';

export const orb: MotifPainter = (s) => {
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
