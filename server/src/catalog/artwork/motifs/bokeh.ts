import { darken, lighten, mix } from '../color';
import { glow, MotifPainter, num, op, url } from '../scene';

export const bokeh: MotifPainter = (s) => {
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
