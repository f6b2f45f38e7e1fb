/**
 * The API with switches, for `npm run bench`'s cost breakdown only: each stage of an authenticated
 * request (Helmet, CORS, body parsers, guard, token check, session and profile lookups, validation,
 * controller, serialisation, logging) can be skipped while the process runs, so the runner can
 * alternate "all stages" with "all but one" in one process and one run. The shipped app has no such
 * switch: the stages are wrapped here, from outside, before the app is built (ts-node, from source).
 *
 * Control: a line `without <stage>,<stage>` (or `without`) on stdin; the process answers `ok` on stdout.
 * A skipped stage replays what it gave the last time it ran for the same request, so later stages
 * see the same input.
 */
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import cors from 'cors';
import { createInterface } from 'node:readline';
import { AppModule } from '../../server/src/app.module';
import { AccessTokenVerifier } from '../../server/src/auth/access-token.verifier';
import { JwtAuthGuard } from '../../server/src/auth/jwt-auth.guard';
import { TokensService } from '../../server/src/auth/tokens.service';
import { CatalogService } from '../../server/src/catalog/catalog.service';
import { StrictValidationPipe } from '../../server/src/common/pipes/strict-validation.pipe';
import { configureApp } from '../../server/src/configure-app';
import { loadConfig } from '../../server/src/config/load-config';
import { ProfileDirectory } from '../../server/src/profiles/profile-directory.service';

const STAGES = ['helmet', 'cors', 'body parsers', 'logging', 'guard', 'token check', 'session lookup', 'profile lookup', 'validation', 'controller', 'serialisation'] as const;
type Stage = (typeof STAGES)[number];

const skipped = new Set<Stage>();

/** A middleware that steps aside while its stage is skipped. */
function switchable(stage: Stage, middleware: (request: any, response: any, next: (error?: unknown) => void) => void) {
  return (request: any, response: any, next: (error?: unknown) => void) => (skipped.has(stage) ? next() : middleware(request, response, next));
}

/** Replaces `owner[name]` with a version that, while `stage` is skipped, answers what the original last answered for the same key. */
function replaying(owner: any, name: string, stage: Stage, keyOf: (...args: any[]) => string) {
  const original = owner[name];
  const remembered = new Map<string, unknown>();
  owner[name] = function (this: unknown, ...args: any[]) {
    const key = keyOf(...args);
    if (skipped.has(stage) && remembered.has(key)) return remembered.get(key);
    const result = original.apply(this, args);
    remembered.set(key, result);
    return result;
  };
}

// Stages registered through app.use, in configureApp's order: the request id and log line first, then Helmet, then the body parsers.
const USE_ORDER: Stage[] = ['logging', 'helmet', 'body parsers'];

ExpressAdapter.prototype.enableCors = function (this: ExpressAdapter, options: any) {
  return this.use(switchable('cors', cors(options)));
};
const guard = JwtAuthGuard.prototype.canActivate;
const users = new Map<string, unknown>();
JwtAuthGuard.prototype.canActivate = async function (this: JwtAuthGuard, context: any) {
  const request = context.switchToHttp().getRequest();
  const known = users.get(request.headers.authorization);
  if (skipped.has('guard') && known) {
    request.user = known;
    return true;
  }
  const passed = await guard.call(this, context);
  if (request.user) users.set(request.headers.authorization, request.user);
  return passed;
};
replaying(AccessTokenVerifier.prototype, 'verify', 'token check', (authorization: string) => authorization);
replaying(TokensService.prototype, 'isSessionActive', 'session lookup', (claims: { sid: string }) => claims.sid);
replaying(ProfileDirectory.prototype, 'resolve', 'profile lookup', (userId: string, profileId?: string) => `${userId}|${profileId}`);
replaying(StrictValidationPipe.prototype, 'transform', 'validation', (value: unknown, metadata: { type: string; metatype?: { name?: string } }) => `${metadata.type}|${metadata.metatype?.name}|${JSON.stringify(value)}`);
replaying(CatalogService.prototype, 'page', 'controller', (query: unknown, audience: unknown) => JSON.stringify([query, audience]));
const reply = ExpressAdapter.prototype.reply;
const serialised = new Map<string, Buffer>();
ExpressAdapter.prototype.reply = function (this: ExpressAdapter, response: any, body: unknown, statusCode?: number) {
  const key = `${response.req.method} ${response.req.originalUrl}`;
  if (!skipped.has('serialisation') || body === null || typeof body !== 'object' || (statusCode ?? 200) >= 300) return reply.call(this, response, body, statusCode);
  let bytes = serialised.get(key);
  if (!bytes) serialised.set(key, (bytes = Buffer.from(JSON.stringify(body))));
  if (statusCode) response.status(statusCode);
  return response.type('application/json; charset=utf-8').send(bytes);
};

async function main(): Promise<void> {
  const config = loadConfig(process.env, { persistSecrets: true });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bodyParser: false, logger: false });
  const use = app.use.bind(app);
  let uses = 0;
  app.use = ((...middlewares: any[]) => {
    const stage = USE_ORDER[uses++];
    return use(...(stage ? middlewares.map((middleware) => switchable(stage, middleware)) : middlewares));
  }) as typeof app.use;
  configureApp(app, config);
  await app.listen(config.port, '127.0.0.1');
  process.stdout.write(`listening\n${STAGES.join(',')}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, list = ''] = line.trim().split(/\s+(.*)/);
    if (command !== 'without') return;
    skipped.clear();
    for (const stage of list.split(',').map((entry) => entry.trim()).filter(Boolean)) {
      if (!(STAGES as readonly string[]).includes(stage)) throw new Error(`unknown stage: ${stage}`);
      skipped.add(stage as Stage);
    }
    process.stdout.write('ok\n');
  });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
