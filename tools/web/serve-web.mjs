// Serves the production build of the Angular app: compressed, cached by content hash, deep links
// falling back to index.html, under a strict Content-Security-Policy. No dependencies.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { HASHED_FILE, webSecurityHeaders, withApiUrl } from './security-headers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest', '.ico']);

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > 65535) fail(`Configuration error: ${name} must be a whole number from 1 to 65535 (got "${raw}")`);
  return Number(raw);
}

function origin(name, fallback) {
  const raw = process.env[name]?.trim() || fallback;
  try {
    return new URL(raw).origin;
  } catch {
    fail(`Configuration error: ${name} must be an absolute URL like http://localhost:5000 (got "${raw}")`);
  }
}

const webPort = port('WEB_PORT', 3000);
const apiUrl = origin('API_URL', `http://localhost:${port('PORT', 5000)}`);
const root = resolve(process.env.WEB_ROOT ?? 'dist/client/browser');

function listFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function prepare(path, body) {
  const extension = extname(path);
  const compressible = COMPRESSIBLE.has(extension) && body.length > 512;
  return {
    body,
    gzip: compressible ? gzipSync(body, { level: 9 }) : null,
    brotli: compressible ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }) : null,
    type: TYPES[extension] ?? 'application/octet-stream',
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    cacheControl: HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : extension === '.html' ? 'no-cache' : 'public, max-age=3600',
  };
}

function loadSite() {
  try {
    statSync(join(root, 'index.html'));
  } catch {
    fail(`No web build at ${root}: run npm run build first`);
  }
  const files = new Map();
  for (const path of listFiles(root)) {
    const urlPath = `/${relative(root, path).split(sep).join('/')}`;
    let body = readFileSync(path);
    if (urlPath === '/index.html') body = Buffer.from(withApiUrl(body.toString('utf8'), apiUrl));
    files.set(urlPath, prepare(path, body));
  }
  return files;
}

const files = loadSite();
const headers = webSecurityHeaders(apiUrl);

function pick(request, file) {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (file.brotli && /\bbr\b/.test(accepted)) return { body: file.brotli, encoding: 'br' };
  if (file.gzip && /\bgzip\b/.test(accepted)) return { body: file.gzip, encoding: 'gzip' };
  return { body: file.body, encoding: null };
}

const server = createServer((request, response) => {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://web').pathname);
  } catch {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return;
  }
  // Deep links (no file extension) are routes of the app: answer with the app.
  const file = files.get(path) ?? (extname(path) === '' ? files.get('/index.html') : undefined);
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('Not found\n');
    return;
  }
  response.setHeader('ETag', file.etag);
  response.setHeader('Cache-Control', file.cacheControl);
  response.setHeader('Vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === file.etag) {
    response.writeHead(304).end();
    return;
  }
  const { body, encoding } = pick(request, file);
  response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': body.length, ...(encoding ? { 'Content-Encoding': encoding } : {}) });
  response.end(request.method === 'HEAD' ? undefined : body);
});

server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  if (error.code === 'EADDRINUSE') fail(`Port ${webPort} is already in use: stop the other process or set WEB_PORT`);
  fail(error.message);
});

server.listen(webPort, () => process.stdout.write(`Web app on http://localhost:${webPort} (API: ${apiUrl})\n`));

process.once('SIGTERM', () => server.close(() => process.exit(0)));
process.once('SIGINT', () => server.close(() => process.exit(0)));
