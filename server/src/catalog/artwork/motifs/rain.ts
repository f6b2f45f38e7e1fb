import { darken, lighten, mix } from '../color';
import { glow, id, MotifPainter, num, op, url, verticalGradient } from '../scene';

export const rain: MotifPainter = (s) => {
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
