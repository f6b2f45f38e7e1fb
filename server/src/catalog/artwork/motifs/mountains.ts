import { darken, lighten, mix } from '../color';
import { areaUnder, celestial, id, MotifPainter, num, ridge, url, verticalGradient } from '../scene';

export const mountains: MotifPainter = (s) => {
  const { rng, w, h } = s;
  const out: string[] = [];
  const sr = Math.min(w, h) * rng.range(0.07, 0.13);
  out.push(celestial(s, s.focus.x, s.focus.y, sr, 'sun'));
  if (rng.chance(0.5)) {
    let birds = '';
    const flock = rng.int(3, 7);
    for (let i = 0; i < flock; i++) {
      const bx = s.focus.x + rng.range(-0.25, 0.25) * w;
      const by = s.focus.y + rng.range(-0.05, 0.15) * h;
      const span = rng.range(4, 9) * s.scale;
      birds += `M${num(bx - span)} ${num(by - span * 0.4)}Q${num(bx - span * 0.4)} ${num(by - span * 0.5)} ${num(bx)} ${num(by)}Q${num(bx + span * 0.4)} ${num(by - span * 0.5)} ${num(bx + span)} ${num(by - span * 0.4)}`;
    }
    out.push(`<path d="${birds}" fill="none" stroke="${darken(s.deep, 0.3)}" stroke-width="${num(1.6 * s.scale)}" opacity="0.8"/>`);
  }
  verticalGradient(s, 'mist', [
    [0, lighten(s.mid, 0.25), 0],
    [0.5, lighten(s.mid, 0.25), 0.35],
    [1, lighten(s.mid, 0.25), 0],
  ]);
  const n = rng.int(4, 5);
  const far = mix(mix(s.mid, s.accent, 0.35), '#ffffff', 0.08);
  const near = darken(s.deep, 0.55);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const base = h * (s.wide ? 0.42 + 0.42 * t : 0.4 + 0.42 * t);
    const amp = h * (0.15 - 0.085 * t) * rng.range(0.8, 1.25);
    const ys = ridge(rng, base, amp, rng.range(0.48, 0.6));
    const color = mix(far, near, Math.pow(t, 0.75));
    const name = `ridge${i}`;
    s.defs.push(
      `<linearGradient id="${id(s, name)}" x1="0" y1="${num(Math.min(...ys))}" x2="0" y2="${num(h)}" gradientUnits="userSpaceOnUse">` +
        `<stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="${mix(color, near, 0.5)}"/></linearGradient>`,
    );
    out.push(`<path d="${areaUnder(ys, w, h)}" fill="${url(s, name)}"/>`);
    if (i < n - 1) {
      const top = base - amp * 0.3;
      out.push(`<rect x="0" y="${num(top)}" width="${w}" height="${num(h * 0.12)}" fill="${url(s, 'mist')}"/>`);
    }
  }
  return out.join('');
};
