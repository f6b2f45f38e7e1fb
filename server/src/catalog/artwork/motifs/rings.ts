import { lighten, mix } from '../color';
import { glow, MotifPainter, num, op, radialGradient, url } from '../scene';

export const rings: MotifPainter = (s) => {
  const { rng, w, h } = s;
  const cx = s.focus.x;
  const cy = s.focus.y;
  const maxR = Math.hypot(w, h) * rng.range(0.55, 0.8);
  const core = Math.min(w, h) * rng.range(0.05, 0.09);
  const n = rng.int(10, 16);
  const curve = rng.range(1.15, 1.6);
  const out: string[] = [glow(s, cx, cy, core * 3.4, s.accent, 0.45)];
  for (let i = 0; i < n; i++) {
    const t = (i + 1) / n;
    const r = core * 1.3 + (maxR - core) * Math.pow(t, curve) * rng.range(0.96, 1.04);
    const width = (rng.chance(0.25) ? rng.range(6, 16) : rng.range(0.8, 3.5)) * s.scale;
    const color = rng.chance(0.45) ? s.accent : mix(s.accent, s.mid, rng.range(0.25, 0.7));
    const alpha = 0.07 + 0.85 * Math.pow(1 - t, 1.1) * rng.range(0.6, 1);
    let dash = '';
    if (rng.chance(0.4)) {
      const circumference = 2 * Math.PI * r;
      const segments = rng.int(1, 18);
      const on = rng.range(0.25, 0.85);
      const unit = circumference / segments;
      dash =
        ` stroke-dasharray="${num(unit * on)} ${num(unit * (1 - on))}"` +
        ` transform="rotate(${num(rng.range(0, 360))} ${num(cx)} ${num(cy)})"`;
    }
    out.push(
      `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="none" stroke="${color}" stroke-width="${num(width)}" opacity="${op(alpha)}"${dash}/>`,
    );
  }
  radialGradient(s, 'core', [
    [0, lighten(s.accent, 0.8), 1],
    [0.6, s.accent, 0.9],
    [1, s.accent, 0],
  ]);
  out.push(`<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(core)}" fill="${url(s, 'core')}"/>`);
  return out.join('');
};
