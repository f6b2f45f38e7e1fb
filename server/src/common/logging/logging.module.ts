import { DynamicModule, Module } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoggerModule } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
import { AppConfig } from '../../config/app-config';
import { redactPath } from '../middleware/redact-path';
import { AppLogger } from './app-logger.service';
import { requestId } from './request-id';

/** The route pattern a request matched (`/titles/:id`): groups requests without carrying ids or tokens. */
function routeOf(request: Request): string | undefined {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl ?? ''}${route.path}` : undefined;
}

/**
 * JSON lines through pino (nestjs-pino): every line names this instance, every line written while a
 * request is served carries that request's id, and one line per request (when LOG_REQUESTS) says
 * method, path, route, status and duration. Never a header, body or query string; stream tokens in
 * paths are redacted.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    const logging = LoggerModule.forRoot({
      renameContext: 'context',
      pinoHttp: [
        {
          base: { instance: config.instanceId },
          timestamp: pino.stdTimeFunctions.isoTime,
          autoLogging: config.logRequests,
          genReqId: requestId,
          quietReqLogger: true,
          customAttributeKeys: { reqId: 'requestId' },
          serializers: {
            // The request line itself says method, path, route and status (below); nothing of the request is bound to every line.
            req: () => undefined,
            res: () => undefined,
            err: (error: Error) => ({ type: error.name, message: error.message }),
          },
          customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : 'info'),
          customSuccessMessage: (request, response, durationMs) => `${request.method} ${redactPath((request as Request).originalUrl)} ${response.statusCode} ${durationMs}ms`,
          customErrorMessage: (request, response) => `${request.method} ${redactPath((request as Request).originalUrl)} ${response.statusCode}`,
          customSuccessObject: (request, response, value: { responseTime?: number }) => ({
            method: request.method,
            path: redactPath((request as Request).originalUrl),
            route: routeOf(request as Request),
            status: (response as Response).statusCode,
            durationMs: value.responseTime,
          }),
        },
        destination ?? pino.destination({ dest: 1, sync: false }),
      ],
    });
    return { module: LoggingModule, imports: [logging], providers: [AppLogger], exports: [AppLogger] };
  }
}
