import { LoggerService } from '@nestjs/common';
// The module object itself (not a namespace copy), so a spy on it is what stream-token.ts calls.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CatalogService } from '../../src/catalog/catalog.service';
import { loadConfig } from '../../src/config/load-config';
import { StreamTokenSigner } from '../../src/playback/stream-token.signer';
import { createTestApp, signUpViewer, TestApp, Viewer } from '../support/test-app';
import { RawHttpClient, RawResponse } from './support/raw-http';
import { freePort, spawnServer } from './support/server-process';

/** Every line the app logs, as text, for searching: through Nest's logger, and pino's JSON lines (request lines come that way). */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line.trimEnd());
  }

  private record = (...parts: unknown[]) => this.lines.push(parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
  log = this.record;
  error = this.record;
  warn = this.record;
  debug = this.record;
  verbose = this.record;
  fatal = this.record;
}

const STACK_TRACE = /\n\s+at |\(\/[^)]*:\d+:\d+\)|node_modules|[/\\]src[/\\]|\.ts:\d+/;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The URIs a playlist names, resolved against the playlist's own URL as a player does. */
function referencedUrls(playlist: string, base: URL): URL[] {
  const uris = [...playlist.matchAll(/^(?!#)(\S+)$/gm), ...playlist.matchAll(/URI="([^"]+)"/g)].map((match) => match[1]);
  return uris.map((uri) => new URL(uri, base));
}

describe('Security', () => {
  describe('sign-in does not tell unknown emails from wrong passwords', () => {
    let t: TestApp;
    let viewer: Viewer;

    beforeAll(async () => {
      // Cost 10 (about 50 ms a check here): the work compared must dwarf what a busy 2-core machine adds
      // to any one request by scheduling alone, which at cost 8 came to a quarter of a check.
      t = await createTestApp({ BCRYPT_ROUNDS: '10', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000' });
      viewer = await signUpViewer(t);
    });

    afterAll(() => t.close());

    it('answers both with the same status and body, in about the same time', async () => {
      const client = new RawHttpClient(t.origin, 1);
      const attempt = async (email: string): Promise<{ response: RawResponse; milliseconds: number }> => {
        const body = JSON.stringify({ email, password: 'definitely not it' });
        const started = performance.now();
        const response = await client.send({ method: 'POST', path: '/auth/login', headers: { 'Content-Type': 'application/json' }, body });
        return { response, milliseconds: performance.now() - started };
      };
      // Warm both paths (the decoy hash is made on first use) before timing.
      await attempt('nobody@example.com');
      await attempt(viewer.email);

      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let round = 0; round < 25; round++) {
        // Interleaved, so a burst of load from elsewhere on the machine hits both series alike.
        const a = await attempt(`nobody${round}@example.com`);
        const b = await attempt(viewer.email);
        expect(a.response.status).toBe(401);
        expect(b.response.status).toBe(401);
        expect(a.response.text).toBe(b.response.text);
        unknown.push(a.milliseconds);
        wrong.push(b.milliseconds);
      }
      client.close();
      const [a, b] = [median(unknown), median(wrong)];
      expect(Math.abs(a - b) / Math.max(a, b)).toBeLessThan(0.25);
    }, 60_000);
  });

  describe('stream signatures', () => {
    const signer = new StreamTokenSigner(loadConfig({ JWT_SECRET: 'unit-test-secret' }));
    const token = signer.sign({ userId: 'user_abc', sessionId: 'c2Vzc2lvbi1pZA', streamId: 'tt1000', expiresAt: 1_900_000_000 });
    const nearMiss = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

    afterEach(() => jest.restoreAllMocks());

    it('are compared with crypto.timingSafeEqual, for a genuine token and a near miss alike', () => {
      const compare = jest.spyOn(crypto, 'timingSafeEqual');
      expect(signer.verify(token)).toEqual({ userId: 'user_abc', sessionId: 'c2Vzc2lvbi1pZA', streamId: 'tt1000', expiresAt: 1_900_000_000 });
      expect(signer.verify(nearMiss)).toBeUndefined();
      expect(compare).toHaveBeenCalledTimes(2);
    });

    it('take their verdict from that comparison alone', () => {
      jest.spyOn(crypto, 'timingSafeEqual').mockReturnValue(true);
      expect(signer.verify(nearMiss)).toEqual(expect.objectContaining({ streamId: 'tt1000' }));
    });
  });

  describe('over HTTP', () => {
    let t: TestApp;
    let viewer: Viewer;
    let client: RawHttpClient;
    const logger = new CapturingLogger();

    beforeAll(async () => {
      t = await createTestApp({ LOG_REQUESTS: 'true', CORS_ORIGINS: 'http://localhost:3000' }, { logger, logDestination: logger });
      client = new RawHttpClient(t.origin, 4);
      viewer = await signUpViewer(t, { password: 'a password only this test knows' });
    });

    afterAll(async () => {
      client.close();
      await t.close();
    });

    async function streamFiles(): Promise<{ token: string; master: URL; variant: URL; key: URL; segment: URL; subtitles?: URL }> {
      const start = await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1000' }).expect(200);
      const master = new URL(start.body.hlsUrl as string);
      const masterText = (await client.send({ method: 'GET', path: master.pathname })).text;
      const named = referencedUrls(masterText, master);
      const variant = named.find((url) => url.pathname.endsWith('.m3u8') && !/sub|vtt/i.test(url.pathname)) as URL;
      const subtitlesPlaylist = named.find((url) => /sub|vtt/i.test(url.pathname));
      const variantText = (await client.send({ method: 'GET', path: variant.pathname })).text;
      const inVariant = referencedUrls(variantText, variant);
      const key = inVariant.find((url) => url.pathname.endsWith('.bin')) as URL;
      const segment = inVariant.find((url) => /\.(ts|m4s|mp4)$/.test(url.pathname)) as URL;
      let subtitles: URL | undefined;
      if (subtitlesPlaylist) {
        const text = (await client.send({ method: 'GET', path: subtitlesPlaylist.pathname })).text;
        subtitles = referencedUrls(text, subtitlesPlaylist).find((url) => url.pathname.endsWith('.vtt'));
      }
      return { token: master.pathname.split('/')[2], master, variant, key, segment, subtitles };
    }

    it('sends Helmet headers on every kind of response', async () => {
      const files = await streamFiles();
      const auth = { Authorization: viewer.auth.Authorization };
      const cases: [string, { method: string; path: string; headers?: Record<string, string>; body?: string }][] = [
        ['JSON', { method: 'GET', path: '/me', headers: auth }],
        ['error JSON (404)', { method: 'GET', path: '/no/such/route' }],
        ['error JSON (401)', { method: 'GET', path: '/me' }],
        ['error JSON (400, malformed body)', { method: 'POST', path: '/auth/login', headers: { 'Content-Type': 'application/json' }, body: '{' }],
        ['error JSON (413)', { method: 'POST', path: '/auth/login', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'x'.repeat(110_000) }) }],
        ['Swagger UI', { method: 'GET', path: '/docs' }],
        ['OpenAPI JSON', { method: 'GET', path: '/docs-json' }],
        ['master playlist', { method: 'GET', path: files.master.pathname }],
        ['variant playlist', { method: 'GET', path: files.variant.pathname }],
        ['segment', { method: 'GET', path: files.segment.pathname }],
        ['byte range of a segment', { method: 'GET', path: files.segment.pathname, headers: { Range: 'bytes=0-99' } }],
        ['key', { method: 'GET', path: files.key.pathname }],
        ['stream refusal (403)', { method: 'GET', path: `/stream/${files.token}x/master.m3u8` }],
        ['poster SVG', { method: 'GET', path: '/images/tt1000/poster.svg' }],
        ['backdrop SVG', { method: 'GET', path: '/images/tt1000/backdrop.svg' }],
        ['CORS preflight', { method: 'OPTIONS', path: '/me', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' } }],
      ];
      if (files.subtitles) cases.push(['subtitles', { method: 'GET', path: files.subtitles.pathname }]);
      for (const [kind, sent] of cases) {
        const response = await client.send(sent);
        const headers = response.headers;
        const csp = String(headers['content-security-policy'] ?? '');
        expect({ kind, status: response.status < 500, csp: csp.includes("default-src 'self'") }).toEqual({ kind, status: true, csp: true });
        expect({ kind, nosniff: headers['x-content-type-options'] }).toEqual({ kind, nosniff: 'nosniff' });
        expect({ kind, hsts: String(headers['strict-transport-security']) }).toEqual({ kind, hsts: expect.stringMatching(/max-age=\d+/) });
        expect({ kind, framing: headers['x-frame-options'] !== undefined || /frame-ancestors/.test(csp) }).toEqual({ kind, framing: true });
        expect({ kind, referrer: headers['referrer-policy'] }).toEqual({ kind, referrer: expect.any(String) });
        expect({ kind, poweredBy: headers['x-powered-by'] }).toEqual({ kind, poweredBy: undefined });
      }
    });

    it('never writes a password, access token, refresh token or stream token to the log', async () => {
      logger.lines.length = 0;
      const password = 'another secret password';
      const json = { 'Content-Type': 'application/json' };
      const signup = await client.send({ method: 'POST', path: '/auth/signup', headers: json, body: JSON.stringify({ email: 'logs@example.com', password, name: 'Logs' }) });
      const { jwt, refreshToken } = signup.json as { jwt: string; refreshToken: string };
      const login = await client.send({ method: 'POST', path: '/auth/login', headers: json, body: JSON.stringify({ email: 'logs@example.com', password }) });
      const { jwt: secondJwt, refreshToken: secondRefresh } = login.json as { jwt: string; refreshToken: string };
      await client.send({ method: 'POST', path: '/auth/login', headers: json, body: JSON.stringify({ email: 'logs@example.com', password: 'wrong password typed' }) });
      await client.send({ method: 'POST', path: '/auth/login', headers: json, body: `{"email":"logs@example.com","password":"${password}"` });
      const rotated = await client.send({ method: 'POST', path: '/auth/refresh', headers: json, body: JSON.stringify({ refreshToken }) });
      const rotatedPair = rotated.json as { jwt: string; refreshToken: string };
      // Re-use of the rotated token, with its secret also in the query string.
      await client.send({ method: 'POST', path: `/auth/refresh?refreshToken=${refreshToken}`, headers: json, body: JSON.stringify({ refreshToken }) });
      await client.send({ method: 'POST', path: '/me/password', headers: { ...json, Authorization: `Bearer ${secondJwt}` }, body: JSON.stringify({ currentPassword: password, newPassword: 'a newer secret password' }) });
      await client.send({ method: 'GET', path: `/me?access_token=${jwt}`, headers: { Authorization: `Bearer ${jwt}` } });

      const files = await streamFiles();
      const streamPaths = [files.master, files.variant, files.key, files.segment].map((url) => url.pathname);
      for (const path of streamPaths) await client.send({ method: 'GET', path });
      // The same token in other spellings the router accepts or refuses: logs must not carry it either.
      await client.send({ method: 'GET', path: files.master.pathname.replace('/stream/', '/STREAM/') });
      await client.send({ method: 'GET', path: `http://127.0.0.1${files.master.pathname}` });
      await client.send({ method: 'GET', path: `/stream/${files.token}` });
      await client.send({ method: 'GET', path: `/stream/${files.token}/../../etc/passwd` });
      await client.send({ method: 'POST', path: '/auth/logout', headers: json, body: JSON.stringify({ refreshToken: secondRefresh }) });

      const logged = logger.lines.join('\n');
      expect(logger.lines.some((line) => /GET \/stream\/\[redacted\]\/master\.m3u8 200/.test(line))).toBe(true);
      const secrets = {
        password,
        viewerPassword: viewer.password,
        'new password': 'a newer secret password',
        'typed password': 'wrong password typed',
        jwt,
        'jwt signature': jwt.split('.')[2],
        refreshToken,
        secondJwt,
        secondRefresh,
        'rotated jwt': rotatedPair.jwt,
        'rotated refresh': rotatedPair.refreshToken,
        'stream token': files.token,
        'stream signature': files.token.split('.')[4],
      };
      for (const [name, secret] of Object.entries(secrets)) {
        expect({ name, logged: logged.includes(secret) }).toEqual({ name, logged: false });
      }
    });

    it('lets only listed origins read responses, errors and preflights included', async () => {
      const allowed = 'http://localhost:3000';
      for (const path of ['/health', '/me', '/no/such/route']) {
        const fromAllowed = await client.send({ method: 'GET', path, headers: { Origin: allowed } });
        expect(fromAllowed.headers['access-control-allow-origin']).toBe(allowed);
        const fromOther = await client.send({ method: 'GET', path, headers: { Origin: 'http://evil.example' } });
        expect(fromOther.headers['access-control-allow-origin']).toBeUndefined();
      }
      const unreadableBody = await client.send({ method: 'POST', path: '/auth/login', headers: { Origin: allowed, 'Content-Type': 'application/json' }, body: '{' });
      expect(unreadableBody.status).toBe(400);
      expect(unreadableBody.headers['access-control-allow-origin']).toBe(allowed);
      const preflight = (origin: string) =>
        client.send({ method: 'OPTIONS', path: '/me/list/tt1000', headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization' } });
      const good = await preflight(allowed);
      expect(good.status).toBe(204);
      expect(good.headers['access-control-allow-origin']).toBe(allowed);
      expect(String(good.headers['access-control-allow-methods'])).toContain('PUT');
      expect(String(good.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      const bad = await preflight('http://localhost:3000.evil.example');
      expect(bad.headers['access-control-allow-origin']).toBeUndefined();
      const nullOrigin = await preflight('null');
      expect(nullOrigin.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('shows no stack trace or internal detail in any error, an unexpected failure included', async () => {
      const files = await streamFiles();
      const json = { 'Content-Type': 'application/json' };
      const failures: { method: string; path: string; headers?: Record<string, string>; body?: string }[] = [
        { method: 'POST', path: '/auth/login', headers: json, body: '{"email": tru' },
        { method: 'POST', path: '/auth/signup', headers: json, body: JSON.stringify({ name: 'x'.repeat(120_000) }) },
        { method: 'POST', path: '/auth/login', headers: { 'Content-Type': 'application/json; charset=utf-16' }, body: '{}' },
        { method: 'POST', path: '/play/heartbeat', headers: { ...json, ...viewer.auth }, body: JSON.stringify({ titleId: 'tt1000', position: -1, extra: 1 }) },
        { method: 'GET', path: '/me', headers: { Authorization: 'Bearer a.b.c' } },
        { method: 'GET', path: '/titles/%zz', headers: viewer.auth },
        { method: 'GET', path: '/catalog?cursor=%%%', headers: viewer.auth },
        { method: 'GET', path: '/catalog?cursor=not-a-cursor', headers: viewer.auth },
        { method: 'GET', path: `/stream/${files.token}/../../../../etc/passwd` },
        { method: 'GET', path: `/stream/${files.token}/missing.ts` },
        { method: 'GET', path: '/stream/tt1000.x.s.1.y/master.m3u8' },
      ];
      for (const sent of failures) {
        const response = await client.send(sent);
        expect({ path: sent.path, error: response.status >= 400, trace: STACK_TRACE.test(response.text) }).toEqual({ path: sent.path, error: true, trace: false });
      }

      const catalog = t.app.get(CatalogService);
      const fault = new Error('EIO: read failed on /srv/secret/catalog.db');
      jest.spyOn(catalog, 'genres').mockRejectedValueOnce(fault);
      const response = await client.send({ method: 'GET', path: '/catalog/genres', headers: viewer.auth });
      expect(response.status).toBe(500);
      expect(response.json).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
      expect(response.text).not.toMatch(/EIO|secret|catalog\.db/);
      expect(STACK_TRACE.test(response.text)).toBe(false);
      // The operator still learns what happened.
      expect(logger.lines.join('\n')).toContain('EIO: read failed');
    });
  });

  it('refuses to start in production without JWT_SECRET, saying why in one line', async () => {
    const server = spawnServer({ NODE_ENV: 'production' }, await freePort());
    const exitCode = await server.exited;
    expect(exitCode).toBe(1);
    const lines = server.stderr().trimEnd().split('\n');
    expect(lines).toEqual([expect.stringMatching(/JWT_SECRET is required when NODE_ENV=production/)]);
    expect(server.stdout()).not.toMatch(/API on/);
  }, 60_000);
});
