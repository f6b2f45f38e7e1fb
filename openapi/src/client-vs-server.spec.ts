import '@angular/compiler';
import { HttpErrorResponse, HttpInterceptorFn, provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { TestBed, TestComponentRenderer } from '@angular/core/testing';
import { BrowserTestingModule, platformBrowserTesting } from '@angular/platform-browser/testing';
import { createTestApp, TestApp } from '../../server/test/support/test-app';
import {
  Api,
  ErrorResponseDto,
  getContinueWatching,
  getHome,
  getTitle,
  listCatalog,
  provideApiConfiguration,
  sendHeartbeat,
  signup,
  startPlayback,
  TitleSummaryDto,
} from './index';

/**
 * The generated Angular client, exactly as the app uses it (`Api.invoke` with the generated
 * functions, HttpClient over fetch), against the real server on a loopback port. A mismatch between
 * the committed client and what the server really answers shows up here.
 */
describe('generated client against the running API', () => {
  let server: TestApp;
  let api: Api;
  let accessToken: string | null;
  let viewerCount = 0;

  // What the app's auth interceptor does: the generated functions leave credentials to interceptors.
  const bearer: HttpInterceptorFn = (request, next) =>
    next(accessToken ? request.clone({ setHeaders: { Authorization: `Bearer ${accessToken}` } }) : request);

  beforeAll(async () => {
    TestBed.initTestEnvironment(BrowserTestingModule, platformBrowserTesting());
    // The contract under test is the HTTP one; the store behind it is the server suites' business, and
    // the embedded one cannot load under this project's Angular transform (it needs --experimental-vm-modules).
    server = await createTestApp({}, { store: 'memory' });
  });

  afterAll(() => server.close());

  beforeEach(() => {
    accessToken = null;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withFetch(), withInterceptors([bearer])),
        provideApiConfiguration(server.origin),
        // Node has no DOM and nothing here renders: the base renderer, which touches none, for TestBed's teardown.
        { provide: TestComponentRenderer, useClass: TestComponentRenderer },
      ],
    });
    api = TestBed.inject(Api);
  });

  async function signUpViewer(): Promise<{ id: string; email: string }> {
    viewerCount++;
    const email = `client${viewerCount}@example.com`;
    const response = await api.invoke(signup, { body: { email, password: 'long enough password', name: `Client ${viewerCount}` } });
    accessToken = response.jwt;
    return response.user;
  }

  async function firstCatalogTitle(): Promise<TitleSummaryDto> {
    const page = await api.invoke(listCatalog, { limit: 1 });
    return page.items[0];
  }

  it('signup creates the viewer and returns a token pair', async () => {
    const user = await signUpViewer();

    expect(user).toEqual({ id: expect.stringMatching(/^user_/), email: `client${viewerCount}@example.com`, name: `Client ${viewerCount}` });
    expect(accessToken).toEqual(expect.any(String));
  });

  it('catalog pages follow their cursor without repeating a title', async () => {
    await signUpViewer();

    const first = await api.invoke(listCatalog, { limit: 30 });
    expect(first.items).toHaveLength(30);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await api.invoke(listCatalog, { limit: 30, cursor: first.cursor ?? undefined });

    const firstIds = new Set(first.items.map((title) => title.id));
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.filter((title) => firstIds.has(title.id))).toEqual([]);
    expect(first.items[0]).toEqual({
      id: expect.stringMatching(/^tt\d+$/),
      name: expect.any(String),
      posterUrl: expect.stringMatching(/^http/),
      year: expect.any(Number),
      genres: expect.any(Array),
    });
  });

  it('title details carry streams, images and similar titles', async () => {
    await signUpViewer();
    const summary = await firstCatalogTitle();

    const details = await api.invoke(getTitle, { id: summary.id });

    expect(details).toMatchObject({ id: summary.id, name: summary.name, year: summary.year, genres: summary.genres });
    expect(details.streams.length).toBeGreaterThan(0);
    expect(['none', 'aes-128', 'clearkey']).toContain(details.streams[0].drm);
    expect(details.images).toEqual({ poster: expect.stringMatching(/^http/), backdrop: expect.stringMatching(/^http/) });
    expect(details.similar.every((id) => /^tt\d+$/.test(id))).toBe(true);
  });

  it('play/start and heartbeats resume where the viewer stopped', async () => {
    await signUpViewer();
    const { id: titleId } = await firstCatalogTitle();

    const session = await api.invoke(startPlayback, { body: { titleId } });
    expect(session.hlsUrl).toMatch(/\/stream\/[^/]+\/master\.m3u8$/);
    expect(session.resumePosition).toBe(0);
    const position = Math.floor(session.duration / 3);

    await api.invoke(sendHeartbeat, { body: { titleId, position, duration: session.duration } });

    const continueWatching = await api.invoke(getContinueWatching);
    expect(continueWatching.items[0]).toMatchObject({ title: { id: titleId }, position, duration: session.duration });
    expect((await api.invoke(startPlayback, { body: { titleId } })).resumePosition).toBe(position);
  });

  it('recs/home returns the home page rows with titles in them', async () => {
    await signUpViewer();

    const home = await api.invoke(getHome);

    expect(home.rows.length).toBeGreaterThan(0);
    for (const row of home.rows) {
      expect(row).toEqual({ id: expect.any(String), title: expect.any(String), items: expect.any(Array) });
      expect(row.items.length).toBeGreaterThan(0);
    }
  });

  it('errors arrive as the documented ErrorResponseDto', async () => {
    const unauthenticated = await api.invoke(listCatalog, {}).catch((error: unknown) => error);
    expect(unauthenticated).toBeInstanceOf(HttpErrorResponse);
    expect((unauthenticated as HttpErrorResponse).status).toBe(401);

    await signUpViewer();
    const missing = await api.invoke(getTitle, { id: 'tt999999999' }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(HttpErrorResponse);
    const body: ErrorResponseDto = (missing as HttpErrorResponse).error;
    expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });
});
