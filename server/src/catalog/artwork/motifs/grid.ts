import { darken, lighten, mix } from '../color';
import { areaUnder, glow, id, MotifPainter, num, op, ridge, url, verticalGradient } from '../scene';

export const grid: MotifPainter = (s) => {
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
