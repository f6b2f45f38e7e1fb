import { readFileSync } from 'fs';
import { join } from 'path';
import { ArtworkRenderer, ARTWORK_MOTIFS, TITLE_BOX, titleStyleFor } from './artwork-renderer.service';
import { ArtworkSubject } from './artwork-subject';
import { artworkForGeneratedTitle } from './generated-artwork';
import { measure } from './text-layout';

/**
 * A strict little well-formedness check: every byte belongs to a tag or to
 * text, tags nest and close, attributes are quoted and unique, and every `&`
 * starts a predefined or numeric entity. Returns the problems it found.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const badAmp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: string[] = [];
  let roots = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml)) !== null) {
    if (m.index !== pos) problems.push(`unparsed text at ${pos}`);
    pos = token.lastIndex;
    const [, close, name, attrs, selfClose, text, stray] = m;
    if (stray) {
      problems.push(`stray "<" at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
      continue;
    }
    if (text !== undefined) {
      if (badAmp.test(text)) problems.push(`bare "&" in text: ${text.slice(0, 40)}`);
      if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root element');
      continue;
    }
    const names = new Set<string>();
    for (const a of attrs.matchAll(/([A-Za-z][\w:.-]*)="([^"]*)"/g)) {
      if (names.has(a[1])) problems.push(`duplicate attribute ${a[1]} on <${name}>`);
      names.add(a[1]);
      if (badAmp.test(a[2])) problems.push(`bare "&" in attribute ${a[1]}`);
    }
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(name);
    }
  }
  if (pos !== xml.length) problems.push('unparsed tail');
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The lines of the title: the tspans of the text element that holds them. */
function titleLines(svg: string): { lines: string[]; fontSize: number } {
  const m = /<text font-family="[^"]*" font-size="([\d.]+)"[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/.exec(svg);
  if (!m) throw new Error('no title text');
  const lines = [...m[2].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => unescape(t[1]));
  return { lines, fontSize: Number(m[1]) };
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The drawing without its text, to compare artwork alone. */
function artOnly(svg: string): string {
  return svg.replace(/<title>.*?<\/title>/, '').replace(/aria-label="[^"]*"/, '').replace(/<g><rect[^>]*\/><text.*$/, '');
}

const base: ArtworkSubject = {
  id: 'tt1000',
  name: 'The Cartographer of Drowned Streets',
  year: 2008,
  genres: ['Drama', 'Fantasy'],
  artwork: { palette: ['#0b1f2a', '#1f5f73', '#e8c27a'], motif: 'waves' },
};

const curated: ArtworkSubject[] = JSON.parse(
  readFileSync(join(__dirname, '..', 'data', 'curated-titles.json'), 'utf8'),
);

describe('ArtworkRenderer', () => {
  const renderer = new ArtworkRenderer();

  it('exports at least eight motifs, all distinct', () => {
    expect(ARTWORK_MOTIFS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ARTWORK_MOTIFS).size).toBe(ARTWORK_MOTIFS.length);
  });

  describe.each([
    ['poster', 400, 600],
    ['backdrop', 1280, 720],
  ] as const)('%s', (kind, width, height) => {
    const draw = (t: ArtworkSubject): string => renderer[kind](t);

    it('is an SVG document of the right size', () => {
      const svg = draw(base);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
      const open = svg.slice(0, svg.indexOf('>'));
      expect(open).toContain(`width="${width}"`);
      expect(open).toContain(`height="${height}"`);
      expect(open).toContain(`viewBox="0 0 ${width} ${height}"`);
    });

    it('is well-formed XML', () => {
      expect(xmlProblems(draw(base))).toEqual([]);
    });

    it('is deterministic, byte for byte, across calls and instances', () => {
      const first = draw(base);
      expect(draw({ ...base, genres: [...base.genres] })).toBe(first);
      expect(new ArtworkRenderer()[kind](base)).toBe(first);
    });

    it('escapes the name everywhere it appears', () => {
      const svg = draw({ ...base, name: 'Tom & "Jerry" <3' });
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).toContain('aria-label="Tom &amp; &quot;Jerry&quot; &lt;3"');
      expect(svg).toContain('<title>Tom &amp; &quot;Jerry&quot; &lt;3 (2008)</title>');
      expect(svg).not.toContain('"Jerry"');
      expect(svg).not.toContain('<3');
    });

    it('survives hostile names, genres, palettes and motifs', () => {
      const svg = draw({
        id: '"><script>alert(1)</script>',
        name: "</text><script>x</script>&' \u0000\u0008",
        year: Number.NaN,
        genres: ['<b>&</b>'],
        artwork: { palette: ['red" onload="x', 'url(http://x)', '#12'], motif: '<nope>' },
      });
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).not.toMatch(/<script|onload=|http:\/\/x/i);
    });

    it('makes no external references', () => {
      for (const t of curated.slice(0, 24)) {
        const svg = draw(t);
        expect(svg).not.toMatch(/<(image|script|foreignObject|use|style|a)\b/);
        expect(svg).not.toMatch(/href|@import|javascript:/i);
        expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|\/\//);
        for (const ref of svg.matchAll(/url\(([^)]*)\)/g)) {
          expect(ref[1]).toMatch(/^#[\w-]+$/);
        }
      }
    });

    it('defines every id it refers to', () => {
      for (const t of curated.slice(0, 24)) {
        const svg = draw(t);
        const ids = new Set([...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
        for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) {
          expect(ids.has(ref[1])).toBe(true);
        }
      }
    });

    it('draws different titles differently', () => {
      const a = draw(base);
      const b = draw({ ...base, id: 'tt1001' });
      const c = draw({ ...base, name: 'Another Name Entirely' });
      expect(new Set([a, b, c]).size).toBe(3);
      // Same motif, palette and name; only the id differs: the artwork itself differs.
      expect(artOnly(a)).not.toBe(artOnly(b));
    });

    it.each([...ARTWORK_MOTIFS])('renders the %s motif', (motif) => {
      const svg = draw({ ...base, id: `tt-motif-${motif}`, artwork: { ...base.artwork, motif } });
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg.length).toBeGreaterThan(3000);
      expect(svg.length).toBeLessThan(120_000);
    });

    it('gives every motif its own look', () => {
      const arts = ARTWORK_MOTIFS.map((motif) => artOnly(draw({ ...base, artwork: { ...base.artwork, motif } })));
      expect(new Set(arts).size).toBe(ARTWORK_MOTIFS.length);
    });

    it('renders every curated title as well-formed SVG', () => {
      for (const t of curated) {
        const svg = draw(t);
        const problems = xmlProblems(svg);
        if (problems.length) throw new Error(`${t.id}: ${problems.join('; ')}`);
        expect(svg.length).toBeLessThan(120_000);
      }
    });

    it('renders generated titles from their derived artwork', () => {
      const t: ArtworkSubject = {
        id: 'tt20457',
        name: 'Generated Title 20457',
        year: 2001,
        genres: ['Thriller'],
        artwork: artworkForGeneratedTitle('tt20457', ['Thriller']),
      };
      const svg = draw(t);
      expect(xmlProblems(svg)).toEqual([]);
      expect(draw({ ...t, artwork: artworkForGeneratedTitle('tt20457', ['Thriller']) })).toBe(svg);
    });
  });

  describe('poster text', () => {
    const draw = (t: ArtworkSubject): string => renderer.poster(t);

    it('sets the escaped name as the title text', () => {
      expect(titleLines(draw({ ...base, name: 'Tom & "Jerry" <3' })).lines.join(' ')).toBe('Tom & "Jerry" <3');
    });

    it('wraps long names onto at most three lines that fit the title box', () => {
      const limit = TITLE_BOX.poster.maxWidth;
      const names = [
        'Thornwick Academy for Wayward Witches',
        'Field Notes from the End of the Road',
        'A Title So Long That Nobody Would Ever Print It On A Poster Without Cutting',
        'Unbreakablewordthatgoesonandonandonforeverandeverwithoutanyspacesatall',
      ];
      for (const name of names) {
        for (const genres of [['Documentary'], ['Horror'], ['Comedy'], ['Sci-Fi'], []]) {
          const svg = draw({ ...base, name, genres });
          const { lines, fontSize } = titleLines(svg);
          expect(lines.length).toBeGreaterThanOrEqual(1);
          expect(lines.length).toBeLessThanOrEqual(3);
          const style = titleStyleFor(genres);
          for (const line of lines) {
            expect(measure(line, style) * fontSize).toBeLessThanOrEqual(limit + 0.5);
          }
        }
      }
      expect(titleLines(draw({ ...base, name: names[0] })).lines.length).toBeGreaterThan(1);
    });

    it('shows the year and first genre', () => {
      const svg = draw({ ...base, genres: ['Sci-Fi', 'Drama'], year: 1994 });
      expect(svg).toContain('>1994  \u00b7  SCI-FI</text>');
    });

  });

  it('leaves text off backdrops, which sit behind the app\'s own title text', () => {
    const svg = renderer.backdrop(base);
    expect(svg).not.toContain('<text');
    expect(svg).toContain(`aria-label="${base.name}"`);
  });
});
