import { Router, type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Whether a request carries a body at all, by the test the body parsers make themselves (type-is's hasBody). */
function carriesBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(request.headers['content-length'] ?? NaN));
}

/**
 * The body parsers and their error handling behind one gate: a request with no body (most GETs)
 * passes in one step instead of walking each of them; one with a body goes through them in order,
 * error handlers included, exactly as if they were registered one by one.
 */
export function readingBodies(...handlers: (RequestHandler | ErrorRequestHandler)[]): RequestHandler {
  const parsers = Router();
  parsers.use(...handlers);
  return (request: Request, response: Response, next: NextFunction) => (carriesBody(request) ? parsers(request, response, next) : next());
}
