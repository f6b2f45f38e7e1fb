import { initialScripts } from './client.mjs';

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
