import { darken, lighten, mix } from '../color';
import { glow, MotifPainter, num } from '../scene';

export const shards: MotifPainter = (s) => {
  const { rng, w, h } = s;
  const cols = s.wide ? 12 : 6;
  const rows = s.wide ? 7 : 9;
  const pts: Array<Array<{ x: number; y: number }>> = [];
  for (let j = 0; j <= rows; j++) {
    const row: Array<{ x: number; y: number }> = [];
    for (let i = 0; i <= cols; i++) {
      const edgeX = i === 0 || i === cols;
      const edgeY = j === 0 || j === rows;
      const jx = edgeX ? 0 : rng.range(-0.42, 0.42) * (w / cols);
      const jy = edgeY ? 0 : rng.range(-0.42, 0.42) * (h / rows);
      row.push({ x: (i / cols) * w + jx, y: (j / rows) * h + jy });
    }
    pts.push(row);
  }
  const maxDist = Math.hypot(w, h) * 0.75;
  const tone = (x: number, y: number): string => {
    const t = Math.min(1, Math.hypot(x - s.focus.x, y - s.focus.y) / maxDist);
    const base = t < 0.35 ? mix(s.accent, s.mid, t / 0.35) : mix(s.mid, darken(s.deep, 0.2), (t - 0.35) / 0.65);
    const jitter = rng.range(-0.14, 0.14);
    return jitter >= 0 ? lighten(base, jitter) : darken(base, -jitter);
  };
  const out: string[] = [];
  const tri = (a: { x: number; y: number }, b: { x: number; y: number }, c: { x: number; y: number }): void => {
    const color = tone((a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3);
    out.push(
      `<path d="M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}L${num(c.x)} ${num(c.y)}Z" fill="${color}" stroke="${color}" stroke-width="0.8" stroke-linejoin="round"/>`,
    );
  };
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const p00 = pts[j][i];
      const p10 = pts[j][i + 1];
      const p01 = pts[j + 1][i];
      const p11 = pts[j + 1][i + 1];
      if (rng.chance(0.5)) {
        tri(p00, p10, p11);
        tri(p00, p11, p01);
      } else {
        tri(p00, p10, p01);
        tri(p10, p11, p01);
      }
    }
  }
  // Glints: a few facets edged with light.
  let edges = '';
  const fi = Math.min(cols - 1, Math.floor((s.focus.x / w) * cols));
  const fj = Math.min(rows - 1, Math.floor((s.focus.y / h) * rows));
  for (let k = rng.int(3, 6); k > 0; k--) {
    const j = Math.max(0, Math.min(rows - 1, fj + rng.int(-2, 2)));
    const i = Math.max(0, Math.min(cols - 1, fi + rng.int(-2, 2)));
    const a = pts[j][i];
    const b = pts[j][i + 1];
    const c = pts[j + 1][i + 1];
    edges += `M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}L${num(c.x)} ${num(c.y)}Z`;
  }
  out.push(`<path d="${edges}" fill="${lighten(s.accent, 0.5)}" fill-opacity="0.12" stroke="${lighten(s.accent, 0.6)}" stroke-width="${num(1.2 * s.scale)}" stroke-opacity="0.7" stroke-linejoin="round"/>`);
  out.push(glow(s, s.focus.x, s.focus.y, Math.min(w, h) * 0.25, lighten(s.accent, 0.4), 0.35));
  return out.join('');
};
