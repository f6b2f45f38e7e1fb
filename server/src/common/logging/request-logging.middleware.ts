import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { redactPath } from '../middleware/redact-path';
import { assignRequestId } from './request-id';

/** The route pattern a request matched (`/titles/:id`): groups requests without carrying ids or tokens. */
function routeOf(request: Request): string | undefined {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl ?? ''}${route.path}` : undefined;
}

/**
 * First on every request: gives it its id (on the response as `X-Request-Id`, and on the lines
 * logged about it), and, when `logRequests`, writes one line once the response is done: method,
 * path, route, status and duration, never a header, body or query string. Nothing is allocated for
 * the line unless it is written.
 *
 * The id is not kept in an AsyncLocalStorage for every line a request's work might log: while one
 * is enabled, every promise of the process carries it along, which measured about an eighth of the
 * CPU of an authenticated GET; the lines that are about a request (its failure) are written where
 * the request is at hand (AllExceptionsFilter).
 */
export function requestLogging(logger: Logger, logRequests: boolean) {
  return function logRequest(request: Request, response: Response, next: NextFunction): void {
    const id = assignRequestId(request, response);
    if (logRequests) {
      const started = performance.now();
      response.once('close', () => {
        const status = response.statusCode;
        const path = redactPath(request.originalUrl);
        const durationMs = Math.round(performance.now() - started);
        // A client that hung up before the answer was complete is worth telling apart from a served request.
        const outcome = response.writableFinished ? `${status} ${durationMs}ms` : `${status} aborted after ${durationMs}ms`;
        logger[status >= 500 ? 'error' : 'info'](
          { requestId: id, method: request.method, path, route: routeOf(request), status, durationMs, ...(response.writableFinished ? {} : { aborted: true }) },
          `${request.method} ${path} ${outcome}`,
        );
      });
    }
    next();
  };
}
