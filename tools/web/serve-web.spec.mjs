import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVE_WEB = join(import.meta.dirname, 'serve-web.mjs');
const INDEX_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>app</title></head><body><app-root></app-root>${' '.repeat(600)}</body></html>`;
const MAIN_JS = `console.log(${JSON.stringify('x'.repeat(2000))});`;

/** A port nobody listens on right now. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
    probe.on('error', reject);
  });
}

/** Starts serve-web.mjs on `root` and resolves once it says it listens. */
function startServer(env) {
  const child = spawn(process.execPath, [SERVE_WEB], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolveStart, reject) => {
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (output.includes('Web app on')) resolveStart({ child, output });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`serve-web exited with ${code}: ${output}`)));
  });
}

/** Runs serve-web.mjs to its end and gives its exit code and standard error. */
function runToExit(env) {
  const child = spawn(process.execPath, [SERVE_WEB], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolveExit) => child.on('exit', (code) => resolveExit({ code, stderr })));
}

describe('serve-web.mjs, the production web server', () => {
  let root;
  let server;
  let base;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'serve-web-'));
    mkdirSync(join(root, 'media'));
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    writeFileSync(join(root, 'main-AB12CD34.js'), MAIN_JS);
    writeFileSync(join(root, 'favicon.ico'), Buffer.alloc(100, 1));
    writeFileSync(join(root, 'media', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ({ child: server } = await startServer({ WEB_ROOT: root, WEB_PORT: String(port), API_URL: 'http://api.example:5000/ignored/path' }));
  });

  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a deep link with the app, told where the API is, never cached without revalidation', async () => {
    const response = await fetch(`${base}/title/tt1007`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const html = await response.text();
    expect(html).toContain('<meta name="api-url" content="http://api.example:5000">');
    expect(html).toContain('<app-root>');
  });

  it('caches files named by their content hash as immutable for a year, others for an hour', async () => {
    const hashed = await fetch(`${base}/main-AB12CD34.js`);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await hashed.text()).toBe(MAIN_JS);
    const plain = await fetch(`${base}/media/logo.svg`);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(plain.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('sends the Content-Security-Policy and security headers on every answer, a 404 included', async () => {
    for (const path of ['/', '/main-AB12CD34.js', '/missing.js']) {
      const response = await fetch(`${base}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain('connect-src \'self\' http://api.example:5000');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('answers 404 for a missing file with an extension, not the app', async () => {
    const response = await fetch(`${base}/chunk-NOPE1234.js`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found\n');
  });

  it('compresses with brotli or gzip as the browser accepts, and leaves small files alone', async () => {
    const raw = (accept) => fetch(`${base}/main-AB12CD34.js`, { headers: { 'accept-encoding': accept } });
    const brotli = await raw('gzip, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding');
    const gzip = await raw('gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes the body: the length header tells what went over the wire.
    expect(Number(gzip.headers.get('content-length'))).toBeLessThan(MAIN_JS.length / 4);
    const identity = await raw('identity');
    expect(identity.headers.get('content-encoding')).toBeNull();
    // 100 bytes: not worth compressing.
    const icon = await fetch(`${base}/favicon.ico`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(icon.headers.get('content-encoding')).toBeNull();
  });

  it('answers 304 to a request carrying the current ETag', async () => {
    const first = await fetch(`${base}/main-AB12CD34.js`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${base}/main-AB12CD34.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    const response = await fetch(`${base}/`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('stops with one line when the port is not a port or there is no build', async () => {
    const badPort = await runToExit({ WEB_ROOT: root, WEB_PORT: 'eighty' });
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toBe('Configuration error: WEB_PORT must be a whole number from 1 to 65535 (got "eighty")\n');
    const noBuild = await runToExit({ WEB_ROOT: join(root, 'media'), WEB_PORT: '1' });
    expect(noBuild.code).toBe(1);
    expect(noBuild.stderr).toMatch(/^No web build at .*media: run npm run build first\n$/);
  });
});
