import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { redactPath } from '../middleware/redact-path';
import { requestContext } from './request-context';
import { requestId } from './request-id';

/** The route pattern a request matched (`/titles/:id`): groups requests without carrying ids or tokens. */
function routeOf(request: Request): string | undefined {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl ?? ''}${route.path}` : undefined;
}

/**
 * First on every request: gives it its id (on the response as `X-Request-Id`, and to every line
 * logged while it is served), and, when `logRequests`, writes one line once the response is done:
 * method, path, route, status and duration, never a header, body or query string. Nothing is
 * allocated for the line unless it is written.
 */
export function requestLogging(logger: Logger, logRequests: boolean) {
  return function logRequest(request: Request, response: Response, next: NextFunction): void {
    const id = requestId(request, response);
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
    requestContext.run(id, next);
  };
}
