import { darken, lighten, mix } from '../color';
import { glow, MotifPainter, num, op, radialGradient, url } from '../scene';

export const starfield: MotifPainter = (s) => {
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
