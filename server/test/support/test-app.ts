import { INestApplication, LoggerService } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock/clock';
import { configureApp } from '../../src/configure-app';
import { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import type { DestinationStream } from 'pino';
import { DatabaseClient } from '../../src/database/database-client';
import { FakeClock } from './fake-clock';
import { resolve } from 'node:path';
import { defaultTestStore, openStore, StoreFixture, StoreName } from './store-fixtures';

/** The committed sample media. */
export const MEDIA_DIR = resolve(__dirname, '../../media');

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  /** Where the app listens, e.g. http://127.0.0.1:40123. */
  origin: string;
  clock: FakeClock;
  config: AppConfig;
  store: StoreName;
  close(): Promise<void>;
}

/**
 * The real AppModule and the real HTTP pipeline, with a fake clock and cheap bcrypt; silent unless
 * given a logger. The store is `options.store`, else `TEST_STORE`, else the embedded PostgreSQL.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { logger?: LoggerService; logDestination?: DestinationStream; store?: StoreName; fixture?: StoreFixture } = {},
): Promise<TestApp> {
  const fixture = options.fixture ?? (await openStore(options.store ?? defaultTestStore(), Number(env['CATALOG_SIZE'] ?? 100)));
  const config = loadConfig({
    NODE_ENV: 'test',
    BCRYPT_ROUNDS: '4',
    JWT_SECRET: 'test-secret-test-secret-test-secret',
    MEDIA_DIR: MEDIA_DIR,
    // Every test viewer signs up from 127.0.0.1; the tests of that limit set it themselves.
    SIGNUP_MAX_PER_ADDRESS: '1000000',
    ...fixture.env,
    ...env,
  });
  const clock = new FakeClock();
  let builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, { logDestination: options.logDestination })] })
    .overrideProvider(Clock)
    .useValue(clock);
  if (fixture.database) builder = builder.overrideProvider(DatabaseClient).useValue(fixture.database);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: options.logger ?? false });
  configureApp(app, config);
  // A real loopback listener: concurrent requests share it, and outside clients (ffprobe) can reach it.
  await app.listen(0, '127.0.0.1');
  const origin = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const close = async () => {
    await app.close();
    await fixture.close();
  };
  return { app, http: request(origin), origin, clock, config, store: fixture.name, close };
}

export interface Viewer {
  id: string;
  email: string;
  password: string;
  jwt: string;
  refreshToken: string;
  auth: { Authorization: string };
}

let viewerCount = 0;

/** Signs up a fresh viewer and returns its credentials. */
export async function signUpViewer(testApp: TestApp, overrides: Partial<{ email: string; password: string; name: string }> = {}): Promise<Viewer> {
  viewerCount++;
  const body = {
    email: overrides.email ?? `viewer${viewerCount}@example.com`,
    password: overrides.password ?? 'long enough password',
    name: overrides.name ?? `Viewer ${viewerCount}`,
  };
  const response = await testApp.http.post('/auth/signup').send(body).expect(201);
  return {
    id: response.body.user.id,
    email: body.email,
    password: body.password,
    jwt: response.body.jwt,
    refreshToken: response.body.refreshToken,
    auth: { Authorization: `Bearer ${response.body.jwt}` },
  };
}

/** Makes the viewer's first profile (the one a token naming none speaks for) a kids profile: what it may see narrows. */
export async function makeFirstProfileKids(testApp: TestApp, viewer: Viewer): Promise<void> {
  const [first] = (await testApp.http.get('/profiles').set(viewer.auth).expect(200)).body.items as { id: string }[];
  await testApp.http.patch(`/profiles/${first.id}`).set(viewer.auth).send({ kids: true }).expect(200);
}
