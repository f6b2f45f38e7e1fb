import { Logger } from '@nestjs/common';
import { connect } from 'node:net';
import { CatalogService } from '../src/catalog/catalog.service';
import { AppLogger } from '../src/common/logging/app-logger.service';
import { createTestApp, signUpViewer, TestApp, Viewer } from './support/test-app';

/** pino's JSON lines, as the app writes them to its log destination. */
class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }
  /** The request lines (one per request) for `path`. */
  requestsTo(path: string): Record<string, unknown>[] {
    return this.lines.filter((line) => line['path'] === path && typeof line['status'] === 'number');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Waits until the app has written what `ready` looks for: request lines are written once the response is done. */
async function until<T>(ready: () => T | undefined): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = ready();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the log line never came');
}

describe('Logging: request ids and request lines', () => {
  describe('with LOG_REQUESTS', () => {
    let t: TestApp;
    let viewer: Viewer;
    const log = new LogLines();

    beforeAll(async () => {
      t = await createTestApp({ LOG_REQUESTS: 'true' }, { logDestination: log });
      // As main.ts does: Nest's Logger writes through the app's.
      t.app.useLogger(t.app.get(AppLogger));
      viewer = await signUpViewer(t);
    });

    afterAll(() => t.close());

    it('writes one line per request: its id (also on the response), instance, method, path, route, status and duration', async () => {
      const response = await t.http.get('/titles/tt1003').set(viewer.auth).expect(200);
      const id = response.headers['x-request-id'] as string;
      expect(id).toMatch(UUID);
      const line = await until(() => log.requestsTo('/titles/tt1003').find((entry) => entry['requestId'] === id));
      expect(line).toEqual({
        level: 30,
        time: expect.any(String),
        instance: t.config.instanceId,
        requestId: id,
        method: 'GET',
        path: '/titles/tt1003',
        route: '/titles/:id',
        status: 200,
        durationMs: expect.any(Number),
        msg: expect.stringMatching(/^GET \/titles\/tt1003 200 \d+ms$/),
      });
      expect(log.requestsTo('/titles/tt1003').filter((entry) => entry['requestId'] === id)).toHaveLength(1);
    });

    it("keeps a proxy's request id and replaces one that is not fit for a log", async () => {
      const kept = await t.http.get('/health').set('X-Request-Id', 'a1b2c3d4e5f60718293a4b5c6d7e8f90').expect(200);
      expect(kept.headers['x-request-id']).toBe('a1b2c3d4e5f60718293a4b5c6d7e8f90');
      await until(() => log.requestsTo('/health').find((entry) => entry['requestId'] === 'a1b2c3d4e5f60718293a4b5c6d7e8f90'));

      const replaced = await t.http.get('/health').set('X-Request-Id', 'bad id\twith "quotes"').expect(200);
      expect(replaced.headers['x-request-id']).toMatch(UUID);
      expect(JSON.stringify(log.lines)).not.toContain('with \\"quotes');
    });

    it('gives a body the parser refuses its id and its line too, and never logs the query string', async () => {
      const response = await t.http.post('/auth/login?email=secret@example.com').set('Content-Type', 'application/json').send('{"email": ').expect(400);
      const id = response.headers['x-request-id'] as string;
      const line = await until(() => log.requestsTo('/auth/login').find((entry) => entry['requestId'] === id));
      expect(line).toMatchObject({ method: 'POST', status: 400, level: 30 });
      expect(JSON.stringify(log.lines)).not.toContain('secret@example.com');
    });

    it('names the request on the line logged about its failure, and logs a 500 as an error', async () => {
      jest.spyOn(t.app.get(CatalogService), 'genres').mockRejectedValueOnce(new Error('disk on fire'));
      const response = await t.http.get('/catalog/genres').set(viewer.auth).expect(500);
      const id = response.headers['x-request-id'] as string;
      const fault = await until(() => log.lines.find((entry) => entry['context'] === 'Exceptions' && entry['requestId'] === id));
      expect(fault).toMatchObject({ level: 50, instance: t.config.instanceId, msg: expect.stringContaining('disk on fire') });
      const line = await until(() => log.requestsTo('/catalog/genres').find((entry) => entry['requestId'] === id));
      expect(line).toMatchObject({ level: 50, status: 500 });
    });

    it('tells a request the client gave up on from one it was answered', async () => {
      jest.spyOn(t.app.get(CatalogService), 'genres').mockImplementationOnce(() => new Promise(() => undefined));
      const { hostname, port } = new URL(t.origin);
      const socket = connect(Number(port), hostname, () => socket.write(`GET /catalog/genres HTTP/1.1\r\nHost: x\r\nAuthorization: ${viewer.auth.Authorization}\r\nX-Request-Id: gave-up-0001\r\n\r\n`));
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      const line = await until(() => log.requestsTo('/catalog/genres').find((entry) => entry['requestId'] === 'gave-up-0001'));
      expect(line).toMatchObject({ aborted: true, msg: expect.stringMatching(/aborted after \d+ms$/) });
    });

    it("writes a line logged outside any request without an id, and leaves out the framework's start-up chatter", async () => {
      new Logger('InstanceLoader').log('a module was loaded');
      new Logger('Somewhere').warn('outside any request');
      const line = await until(() => log.lines.find((entry) => entry['msg'] === 'outside any request'));
      expect(line).toEqual({ level: 40, time: expect.any(String), instance: t.config.instanceId, context: 'Somewhere', msg: 'outside any request' });
      expect(log.lines.some((entry) => entry['msg'] === 'a module was loaded')).toBe(false);
    });
  });

  describe('without LOG_REQUESTS', () => {
    let t: TestApp;
    const log = new LogLines();

    beforeAll(async () => {
      t = await createTestApp({ LOG_REQUESTS: 'false' }, { logDestination: log });
    });

    afterAll(() => t.close());

    it('still gives every response its id, and writes no request line', async () => {
      const response = await t.http.get('/health').expect(200);
      expect(response.headers['x-request-id']).toMatch(UUID);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(log.requestsTo('/health')).toEqual([]);
    });
  });
});
