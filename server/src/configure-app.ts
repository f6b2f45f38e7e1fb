import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json } from 'express';
import helmet from 'helmet';
import { bodyParserErrors } from './common/middleware/body-parser-errors';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { StrictValidationPipe } from './common/pipes/strict-validation.pipe';
import { AppConfig } from './config/app-config';
import { setupSwagger } from './swagger';

export const BODY_LIMIT = '100kb';

/** Everything around the modules: body limits, headers, CORS, validation, errors, docs. Shared by main and tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.disable('x-powered-by');
  // Behind a balancer the client is in X-Forwarded-For; only the proxies named are believed.
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      // Posters and streams are read by the web app from another origin.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  const allowed = new Set(config.corsOrigins);
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Range'],
    exposedHeaders: ['Retry-After', 'Content-Range', 'Content-Length', 'ETag'],
    maxAge: 600,
  });
  // After Helmet and CORS: a body the parser refuses is answered with their headers too.
  app.use(json({ limit: BODY_LIMIT }), bodyParserErrors);
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  setupSwagger(app);
  return app;
}
