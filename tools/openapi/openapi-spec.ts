import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { resolve } from 'node:path';
import { AppModule } from '../../server/src/app.module';
import { configureApp } from '../../server/src/configure-app';
import { loadConfig } from '../../server/src/config/load-config';
import { buildOpenApiDocument } from '../../server/src/swagger';
import { sortKeysDeep } from './contract-files';

export const WORKSPACE_ROOT = resolve(__dirname, '../..');
export const COMMITTED_SPEC = resolve(WORKSPACE_ROOT, 'openapi/openapi.json');

/** Nothing from the caller's environment: the same sources always give the same spec. */
const SPEC_ENV = {
  NODE_ENV: 'development',
  // The document does not depend on the store; memory needs no database to start.
  STORE: 'memory',
  JWT_SECRET: 'openapi-spec-writer-signs-nothing',
  PUBLIC_URL: 'http://localhost:5000',
  LOG_REQUESTS: 'false',
  MEDIA_DIR: resolve(WORKSPACE_ROOT, 'server/media'),
};

/** The app's OpenAPI document as committed: built from the real AppModule without listening, keys sorted. */
export async function renderOpenApiSpec(): Promise<string> {
  const config = loadConfig(SPEC_ENV);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    configureApp(app, config);
    await app.init();
    const document = buildOpenApiDocument(app);
    return `${JSON.stringify(sortKeysDeep(document), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
