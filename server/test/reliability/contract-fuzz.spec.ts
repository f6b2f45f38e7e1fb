import fc from 'fast-check';
import { createTestApp, signUpViewer, TestApp, Viewer } from '../support/test-app';
import { authorization, pathSegment, percentEncode, queryString, requestBody, VIEWER_EMAIL, VIEWER_OTHER_PROFILE, VIEWER_PASSWORD, VIEWER_PROFILE, VIEWER_REFRESH_TOKEN } from './support/hostile-arbitraries';
import { Operation, readOperations } from './support/openapi-operations';
import { errorShapeProblem, RawHttpClient, RawResponse } from './support/raw-http';

const SEED = 42;
const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS'] ?? 400);
/** What a viewer can see of their own state; a rejected request must leave all of it as it was. */
const SNAPSHOT_PATHS = ['/me', '/profiles', '/me/list', '/me/history', '/me/ratings', '/me/continue-watching'];

/** A viewer with its profile in use and a second one that may be deleted. */
type FuzzViewer = Viewer & { profileId: string; otherProfileId: string };

interface GeneratedRequest {
  path: string;
  auth?: string;
  body?: { text?: string; contentType?: string };
}

function requestArbitrary(operation: Operation, validAuth: string): fc.Arbitrary<GeneratedRequest> {
  const segments = fc.tuple(...operation.pathEnums.map((allowed) => pathSegment(allowed)));
  const body = operation.body ? requestBody(operation.body) : fc.constant(undefined);
  const auth = operation.secured ? authorization(validAuth) : fc.constant(undefined);
  return fc.tuple(segments, queryString(operation.queryParams), body, auth).map(([values, query, generatedBody, header]) => {
    let path = operation.path;
    operation.pathParams.forEach((name, index) => (path = path.replace(`{${name}}`, values[index])));
    return { path: query ? `${path}?${query}` : path, auth: header, body: generatedBody };
  });
}

const isMutation = (operation: Operation) => operation.method !== 'GET';

describe('Contract fuzz: every operation of openapi/openapi.json under generated input', () => {
  const operations = readOperations();
  let t: TestApp;
  let client: RawHttpClient;
  let viewer: FuzzViewer;
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    // Valid sign-ins are part of the input; the address limit would turn them all into 429s.
    t = await createTestApp({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '1000000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000000' });
    client = new RawHttpClient(t.origin, 8);
    viewer = await freshViewerWithState();
  });

  afterAll(async () => {
    client.close();
    await t.close();
  });

  async function freshViewerWithState(): Promise<FuzzViewer> {
    const next = await signUpViewer(t);
    await t.http.put('/me/list/tt1003').set(next.auth).expect(204);
    await t.http.put('/me/ratings/tt1042').set(next.auth).send({ rating: 'up' }).expect(204);
    await t.http.post('/play/heartbeat').set(next.auth).send({ titleId: 'tt1000', position: 10 }).expect(204);
    const profiles = await t.http.get('/profiles').set(next.auth).expect(200);
    const other = await t.http.post('/profiles').set(next.auth).send({ name: 'Second' }).expect(201);
    return { ...next, profileId: (profiles.body as { items: { id: string }[] }).items[0].id, otherProfileId: (other.body as { id: string }).id };
  }

  /** The viewer's own profile, so profile routes see an id that exists as well as hostile ones. */
  function withViewerProfile(path: string): string {
    return path.split(VIEWER_OTHER_PROFILE).join(viewer.otherProfileId).split(VIEWER_PROFILE).join(viewer.profileId);
  }

  async function snapshot(): Promise<unknown[]> {
    return Promise.all(
      SNAPSHOT_PATHS.map(async (path) => {
        const response = await client.send({ method: 'GET', path, headers: { Authorization: viewer.auth.Authorization } });
        return { path, status: response.status, body: response.json };
      }),
    );
  }

  function withViewerSecrets(text: string | undefined): string | undefined {
    return text?.split(VIEWER_REFRESH_TOKEN).join(viewer.refreshToken).split(VIEWER_PASSWORD).join(viewer.password).split(VIEWER_EMAIL).join(viewer.email);
  }

  /** Keeps the fuzzing viewer usable after a request that legitimately changed its secrets or ended its session. */
  async function followSuccess(operation: Operation, sent: string | undefined, response: RawResponse): Promise<void> {
    const body = response.json as { jwt?: string; refreshToken?: string } | undefined;
    if (operation.operationId === 'refresh' && body?.refreshToken && sent?.includes(viewer.refreshToken)) {
      viewer = { ...viewer, refreshToken: body.refreshToken };
    }
    if (operation.operationId === 'changePassword' && sent) {
      viewer = { ...viewer, password: (JSON.parse(sent) as { newPassword: string }).newPassword };
    }
    if (operation.operationId === 'setProfilePin') {
      // A locked profile would turn every later selection into a PIN guess; unlock it again.
      const unlock = JSON.stringify({ password: viewer.password });
      await client.send({
        method: 'DELETE',
        path: `/profiles/${viewer.profileId}/pin`,
        headers: { Authorization: viewer.auth.Authorization, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(unlock)) },
        body: unlock,
      });
    }
    const profiles = await client.send({ method: 'GET', path: '/profiles', headers: { Authorization: viewer.auth.Authorization } });
    const items = (profiles.json as { items?: { id: string; kids: boolean }[] } | undefined)?.items ?? [];
    const own = items.find((profile) => profile.id === viewer.profileId);
    // Signed out, or turned into a kids profile that may no longer manage profiles: start again as a new viewer.
    if (profiles.status === 401 || !own || own.kids) {
      viewer = await freshViewerWithState();
    } else if (!items.some((profile) => profile.id === viewer.otherProfileId)) {
      const other = await t.http.post('/profiles').set(viewer.auth).send({ name: 'Second' }).expect(201);
      viewer = { ...viewer, otherProfileId: (other.body as { id: string }).id };
    }
  }

  it('reads every operation from the committed spec', () => {
    expect(operations.length).toBeGreaterThanOrEqual(29);
    expect(operations.map((operation) => operation.operationId)).toEqual(expect.arrayContaining(['signup', 'login', 'sendHeartbeat', 'rateTitle', 'listCatalog']));
  });

  it.each(readOperations().map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s: no 5xx, every error in the contract shape, and a rejected request changes nothing',
    async (_name, operation) => {
      const statuses = new Map<number, number>();
      const property = fc.asyncProperty(requestArbitrary(operation, '__VALID_AUTH__'), async (generated) => {
        const text = withViewerSecrets(generated.body?.text);
        const headers: Record<string, string> = {};
        if (generated.auth) headers['Authorization'] = generated.auth.replace('__VALID_AUTH__', viewer.auth.Authorization);
        if (generated.auth === '__VALID_AUTH__'.toLowerCase()) headers['Authorization'] = viewer.auth.Authorization.toLowerCase();
        if (generated.body?.contentType) headers['Content-Type'] = generated.body.contentType;
        if (text !== undefined) headers['Content-Length'] = String(Buffer.byteLength(text));

        const before = isMutation(operation) ? await snapshot() : undefined;
        const response = await client.send({ method: operation.method, path: withViewerProfile(generated.path), headers, body: text });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);

        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(errorShapeProblem(response)).toBeUndefined();
          if (before) expect(await snapshot()).toEqual(before);
        } else if (isMutation(operation)) {
          await followSuccess(operation, text, response);
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      });
      await fc.assert(property, { seed: SEED, numRuns: RUNS_PER_OPERATION });
      if (process.env['FUZZ_DEBUG']) console.log(operation.operationId, JSON.stringify([...statuses]));
      // The inputs reach the handlers: some succeed and some are refused.
      expect([...statuses.keys()].some((status) => status < 400)).toBe(true);
      const takesInput = operation.secured || operation.body || operation.pathParams.length + operation.queryParams.length > 0;
      if (takesInput) expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
    },
    180_000,
  );

  it.each(readOperations().filter((operation) => operation.body).map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s refuses __proto__ and constructor keys like any unknown property',
    async (_name, operation) => {
      const path = operation.path.replace(/\{[^}]+\}/g, operation.path.startsWith('/profiles') ? viewer.profileId : 'tt1000');
      for (const key of ['__proto__', 'constructor']) {
        const body = `{"${key}":{"polluted":true}}`;
        // Node sends a DELETE body without framing unless told its length.
        const response = await client.send({
          method: operation.method,
          path,
          headers: { Authorization: viewer.auth.Authorization, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) },
          body,
        });
        expect(response.status).toBe(400);
        expect(response.json).toEqual({ statusCode: 400, error: 'Bad Request', message: `property ${key} should not exist` });
      }
    },
  );

  it('stream file paths: traversal and encoding tricks after a genuine token are refused, never served, never a 5xx', async () => {
    const start = await t.http.post('/play/start').set(viewer.auth).send({ titleId: 'tt1000' }).expect(200);
    const token = new URL(start.body.hlsUrl as string).pathname.split('/')[2];
    const tail = fc.array(fc.oneof(pathSegment(), fc.constantFrom('master.m3u8', 'key.bin', 'manifest.json', '.hidden', 'x.ts')), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(tail, fc.boolean(), async (segments, tamper) => {
        const usedToken = tamper ? `${token.slice(0, -2)}${percentEncode('é')}` : token;
        const response = await client.send({ method: 'GET', path: `/stream/${usedToken}/${segments.join('/')}` });
        expect(response.status).toBeLessThan(500);
        expect(response.text).not.toMatch(/root:x?:0:0|"durationSeconds"/);
        if (response.status >= 400) expect(errorShapeProblem(response)).toBeUndefined();
      }),
      { seed: SEED, numRuns: RUNS_PER_OPERATION * 2 },
    );
  }, 120_000);
});
