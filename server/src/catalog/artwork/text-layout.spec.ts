import { fitText, measure, TypeStyle } from './text-layout';

const sans: TypeStyle = {
  family: 'sans-serif',
  weight: 700,
  italic: false,
  uppercase: false,
  letterSpacing: 0,
  lineHeight: 1,
  widthFactor: 1.1,
};
const caps: TypeStyle = { ...sans, uppercase: true, letterSpacing: 0.12 };
const box = { maxWidth: 340, maxHeight: 190, maxSize: 64, minSize: 18, maxLines: 3 };

function widest(lines: string[], style: TypeStyle, size: number): number {
  return Math.max(...lines.map((l) => measure(l, style) * size));
}

describe('fitText', () => {
  it('keeps a short name on one line at the largest size', () => {
    const fit = fitText('Tide', sans, box);
    expect(fit.lines).toEqual(['Tide']);
    expect(fit.fontSize).toBe(64);
  });

  it('wraps long names onto at most three lines that each fit the width', () => {
    for (const name of [
      'Thornwick Academy for Wayward Witches',
      'Field Notes from the End of the Road',
      'The Cartographer of Drowned Streets',
      'A Very Long Title That Keeps Going Well Past Any Sensible Poster Length',
    ]) {
      for (const style of [sans, caps]) {
        const fit = fitText(name, style, box);
        expect(fit.lines.length).toBeGreaterThanOrEqual(2);
        expect(fit.lines.length).toBeLessThanOrEqual(3);
        expect(widest(fit.lines, style, fit.fontSize)).toBeLessThanOrEqual(box.maxWidth + 1e-6);
        expect(fit.fontSize).toBeGreaterThanOrEqual(box.minSize);
      }
    }
  });

  it('keeps every word, in order, when the name fits', () => {
    const fit = fitText('Field Notes from the End of the Road', sans, box);
    expect(fit.lines.join(' ')).toBe('Field Notes from the End of the Road');
  });

  it('balances lines instead of filling the first one greedily', () => {
    const fit = fitText('Lanterns Over Kessler Bay', sans, { ...box, maxSize: 200, maxLines: 2 });
    expect(fit.lines).toEqual(['Lanterns Over', 'Kessler Bay']);
  });

  it('upper-cases for caps styles', () => {
    expect(fitText('Neon Saint', caps, box).lines.join(' ')).toBe('NEON SAINT');
  });

  it('breaks an unbreakable word and truncates with an ellipsis rather than overflow', () => {
    const name = 'Supercalifragilisticexpialidocious'.repeat(4);
    const fit = fitText(name, sans, box);
    expect(fit.fontSize).toBe(box.minSize);
    expect(fit.lines.length).toBeLessThanOrEqual(3);
    expect(fit.lines[fit.lines.length - 1].endsWith('\u2026')).toBe(true);
    expect(widest(fit.lines, sans, fit.fontSize)).toBeLessThanOrEqual(box.maxWidth + 1e-6);
  });

  it('measures accented letters like their base letters', () => {
    expect(measure('Café Ñandú', sans)).toBeCloseTo(measure('Cafe Nandu', sans));
  });

  it('returns no lines for a blank name', () => {
    expect(fitText('   ', sans, box).lines).toEqual([]);
  });
});
