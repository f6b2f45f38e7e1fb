import { connect } from 'node:net';
import { RawHttpClient } from './reliability/support/raw-http';
import { createTestApp, TestApp } from './support/test-app';

/** Sends bytes on a fresh connection and returns all the server wrote back before closing it. */
function exchange(origin: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('Platform: errors, headers, CORS, docs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'http://localhost:3000,http://web.example' });
  });

  afterAll(() => t.close());

  it('GET /health is public and ok, and says the database is up', async () => {
    expect((await t.http.get('/health').expect(200)).body).toEqual({ status: 'ok', info: { database: { status: 'up', store: t.store === 'memory' ? 'memory' : t.store } } });
  });

  it('answers an unknown route with the JSON 404', async () => {
    const response = await t.http.get('/no/such/route').expect(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.stringMatching(/Cannot GET/) });
  });

  it('answers malformed JSON with a 400 in the error shape', async () => {
    const response = await t.http.post('/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Request body is not valid JSON' });
  });

  it('answers a body over 100 kB with 413', async () => {
    const response = await t.http
      .post('/auth/signup')
      .send({ email: 'big@example.com', password: 'long enough password', name: 'x'.repeat(110_000) })
      .expect(413);
    expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'Request body is larger than 100 kB' });
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/octet-stream'], ['multipart/form-data; boundary=x'], ['']])(
    'answers a body over 100 kB with 413 whatever its content type (%s), on any route',
    async (contentType) => {
      const client = new RawHttpClient(t.origin, 1);
      try {
        for (const [method, path] of [['POST', '/auth/login'], ['PUT', '/me/list/tt1000'], ['GET', '/health']]) {
          const body = 'x'.repeat(110_000);
          // Framed by length: Node's client would otherwise send a GET's body unframed.
          const headers: Record<string, string> = { 'Content-Length': String(body.length), ...(contentType ? { 'Content-Type': contentType } : {}) };
          const response = await client.send({ method, path, headers, body });
          expect({ method, path, status: response.status, body: response.json }).toEqual({
            method,
            path,
            status: 413,
            body: { statusCode: 413, error: 'Payload Too Large', message: 'Request body is larger than 100 kB' },
          });
        }
      } finally {
        client.close();
      }
    },
  );

  it('refuses a body that is not JSON with 415, saying what to send', async () => {
    const response = await t.http.post('/auth/login').set('Content-Type', 'text/plain').send('{"email":"a@example.com","password":"long enough"}').expect(415);
    expect(response.body).toEqual({ statusCode: 415, error: 'Unsupported Media Type', message: 'Request body must be JSON, sent with Content-Type: application/json' });
    const form = await t.http.post('/auth/login').type('form').send({ email: 'a@example.com', password: 'long enough' }).expect(415);
    expect(form.body.message).toMatch(/must be JSON/);
  });

  it.each([
    ['a header', { method: 'GET', path: '/health', headers: { 'X-Padding': 'x'.repeat(20_000) } }],
    ['the URL', { method: 'GET', path: `/titles/${'a'.repeat(20_000)}` }],
  ])('answers %s over Node\'s limit with the JSON 431 and security headers, not a bare status line', async (_what, request) => {
    const client = new RawHttpClient(t.origin, 1);
    try {
      const response = await client.send(request);
      expect(response.status).toBe(431);
      expect(response.json).toEqual({ statusCode: 431, error: 'Request Header Fields Too Large', message: 'Request line and headers are larger than 16 kB' });
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    } finally {
      client.close();
    }
  });

  it('answers bytes that are not HTTP with the JSON 400 and closes the connection', async () => {
    const reply = await exchange(t.origin, 'HELLO THERE\r\n\r\n');
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\nConnection: close(\r\n|$)/);
    expect(JSON.parse(body)).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Request is not valid HTTP' });
  });

  it.each([['[1,2]'], ['"text"'], ['null']])('refuses a JSON body that is not an object (%s)', async (raw) => {
    const response = await t.http.post('/auth/login').set('Content-Type', 'application/json').send(raw).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
  });

  it('answers a body the parser refuses with the security and CORS headers of every other response', async () => {
    const response = await t.http.post('/auth/login').set('Origin', 'http://web.example').set('Content-Type', 'application/json').send('{').expect(400);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBe('http://web.example');
  });

  it('refuses a missing body with a 400 naming the fields', async () => {
    const response = await t.http.post('/auth/login').expect(400);
    expect(response.body.message).toMatch(/email/);
  });

  it('sets security headers on JSON and error responses', async () => {
    for (const response of [await t.http.get('/health'), await t.http.get('/nope')]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('allows only the listed origins', async () => {
    const allowed = await t.http.get('/health').set('Origin', 'http://web.example').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://web.example');
    const other = await t.http.get('/health').set('Origin', 'http://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http.options('/me').set('Origin', 'http://localhost:3000').set('Access-Control-Request-Method', 'PATCH');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
  });

  it('serves Swagger UI at /docs and the document at /docs-json, with bearer auth and every route', async () => {
    const ui = await t.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const path of ['/auth/signup', '/auth/login', '/auth/refresh', '/auth/logout', '/me', '/me/password', '/me/sessions', '/health']) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(doc.paths['/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/auth/login'].post.responses['429']).toBeDefined();
    expect(doc.components.schemas.ErrorResponseDto).toBeDefined();
  });
});
