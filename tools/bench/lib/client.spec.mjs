import { formatBreakdown, initialScripts, median, playBreakdown, playStage } from './client.mjs';

describe('initialScripts', () => {
  it('lists the module scripts and modulepreloads index.html makes the browser fetch first, once each', () => {
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="styles-ABCDEFGH.css">
      <link rel="modulepreload" href="chunk-RHGEWDRZ.js">
      <link rel=modulepreload href=chunk-T7II7OLI.js>
      <link rel="preconnect" href="http://localhost:5000">
      </head><body>
      <script src="polyfills-XYZ.js" nomodule></script>
      <script src="main-6BRX5T43.js" type="module"></script>
      <script type="module" src="main-6BRX5T43.js"></script>
      </body></html>`;
    expect(initialScripts(html)).toEqual(['chunk-RHGEWDRZ.js', 'chunk-T7II7OLI.js', 'main-6BRX5T43.js']);
  });

  it('finds nothing in a page without scripts', () => {
    expect(initialScripts('<html><body>hello</body></html>')).toEqual([]);
  });
});

describe('median', () => {
  it('takes the middle run, or the mean of the two middle ones, whatever the order', () => {
    expect(median([1409, 2724, 1132, 1653, 1482])).toBe(1482);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
  });

  it('is not a number without runs', () => {
    expect(median([])).toBeNaN();
  });
});

const API = 'http://127.0.0.1:5000';
const STREAM = `${API}/stream/tt1010.dXNlcg.c2Vzcw.1795530000.c2ln`;
const WEB = 'http://127.0.0.1:3000';
const SHAKA = ['chunk-34LIYQE4.js'];

describe('playStage', () => {
  it('names each request of starting playback by its URL, and nothing else', () => {
    const stages = [
      `${WEB}/chunk-34LIYQE4.js`,
      `${WEB}/chunk-PLAYER01.js`,
      `${API}/play/prepare`,
      `${API}/play/start`,
      `${STREAM}/master.m3u8`,
      `${STREAM}/360p/index.m3u8`,
      `${STREAM}/key.bin`,
      `${STREAM}/360p/seg_000.ts`,
      `${STREAM}/subs/en.m3u8`,
      `${STREAM}/thumbs/thumbnails.vtt`,
      `${API}/titles/tt1010`,
      `${WEB}/shaka/controls.css`,
    ].map((url) => playStage(url, SHAKA));
    expect(stages).toEqual(['shaka chunk', 'app chunk', 'play/prepare', 'play/start', 'master playlist', 'media playlist', 'key', 'first segment', null, null, null, null]);
  });
});

describe('playBreakdown', () => {
  const resource = (name, startTime, responseEnd) => ({ name, startTime, responseEnd });

  it('lays out each step from the click, first request of each, prefetched ones before zero, marking cache hits and repeats', () => {
    const stages = playBreakdown({
      clickAt: 1000,
      playingAt: 1420,
      shakaChunkNames: SHAKA,
      cachedUrls: new Set([`${STREAM}/master.m3u8`, `${STREAM}/720p/index.m3u8`]),
      marks: [{ name: 'shaka:ready', startTime: 700 }],
      resources: [
        resource(`${WEB}/main-ABC.js`, 20, 80),
        resource(`${STREAM}/360p/seg_001.ts`, 1130, 1150),
        resource(`${STREAM}/360p/seg_000.ts`, 1100, 1120),
        resource(`${WEB}/chunk-34LIYQE4.js`, 400, 600),
        resource(`${API}/play/prepare`, 610, 650),
        resource(`${STREAM}/master.m3u8`, 660, 670),
        resource(`${STREAM}/360p/index.m3u8`, 675, 680),
        resource(`${STREAM}/720p/index.m3u8`, 1062, 1063),
        resource(`${WEB}/chunk-PLAYER01.js`, 1003, 1010),
        resource(`${API}/play/start`, 1012, 1050),
        resource(`${STREAM}/master.m3u8`, 1060, 1061),
        resource(`${STREAM}/key.bin`, 1125, 1131),
      ],
    });
    expect(stages).toEqual([
      { stage: 'app chunk', startMs: 3, endMs: 10, cached: false, count: 1 },
      { stage: 'shaka chunk', startMs: -600, endMs: -400, cached: false, count: 1 },
      { stage: 'shaka ready', startMs: -300, endMs: -300, cached: false, count: 1 },
      { stage: 'play/prepare', startMs: -390, endMs: -350, cached: false, count: 1 },
      { stage: 'play/start', startMs: 12, endMs: 50, cached: false, count: 1 },
      { stage: 'master playlist', startMs: -340, endMs: -330, cached: true, count: 2 },
      { stage: 'media playlist', startMs: -325, endMs: -320, cached: true, count: 2 },
      { stage: 'key', startMs: 125, endMs: 131, cached: false, count: 1 },
      { stage: 'first segment', startMs: 100, endMs: 120, cached: false, count: 2 },
      { stage: 'playing', startMs: 420, endMs: 420, cached: false, count: 1 },
    ]);
    expect(formatBreakdown(stages.slice(4))).toBe('play/start 12→50 · master playlist -340→-330 (cache) ×2 · media playlist -325→-320 (cache) ×2 · key 125→131 · first segment 100→120 ×2 · playing 420');
  });
});
