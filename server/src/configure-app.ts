import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { answerClientErrorsAsJson } from './common/http/client-errors';
import { applyConnectionTimeouts } from './common/http/connection-timeouts';
import { headersSetBy, settingHeaders } from './common/http/security-headers';
import { bodyParserErrors } from './common/middleware/body-parser-errors';
import { readOtherBodies, refuseNonJsonBodies } from './common/middleware/non-json-bodies';
import { readingBodies } from './common/middleware/reading-bodies';
import { ROOT_LOGGER } from './common/logging/app-logger.service';
import { requestLogging } from './common/logging/request-logging.middleware';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { StrictValidationPipe } from './common/pipes/strict-validation.pipe';
import { AppConfig } from './config/app-config';
import { setupSwagger } from './swagger';

export const BODY_LIMIT = '100kb';

/** Everything around the modules: connections, body limits, headers, CORS, validation, errors, docs. Shared by main and tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  const server = app.getHttpServer() as Server;
  applyConnectionTimeouts(server);
  app.disable('x-powered-by');
  // Behind a balancer the client is in X-Forwarded-For; only the proxies named are believed.
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  // First: every answer, a refused body's included, carries the request's id and gets its log line.
  app.use(requestLogging(app.get(ROOT_LOGGER), config.logRequests));
  const securityHeaders = helmet({
    // Posters and streams are read by the web app from another origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  // Helmet's headers do not depend on the request: worked out once, then copied onto each response.
  const fixedHeaders = headersSetBy(securityHeaders);
  app.use(settingHeaders(fixedHeaders));
  answerClientErrorsAsJson(server, fixedHeaders);
  const allowed = new Set(config.corsOrigins);
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Range'],
    // WWW-Authenticate tells the web app a 401 is about its access token (refresh) and not a wrong password.
    exposedHeaders: ['Retry-After', 'Content-Range', 'Content-Length', 'ETag', 'WWW-Authenticate'],
    maxAge: 600,
  });
  // After Helmet and CORS: a body the parsers refuse is answered with their headers too.
  app.use(readingBodies(json({ limit: BODY_LIMIT }), readOtherBodies(BODY_LIMIT), bodyParserErrors, refuseNonJsonBodies));
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  setupSwagger(app);
  return app;
}
