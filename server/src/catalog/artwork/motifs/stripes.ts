import { lighten, mix } from '../color';
import { celestial, glow, id, MotifPainter, num, op, Scene, url } from '../scene';

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

export const stripes: MotifPainter = (s) => {
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
