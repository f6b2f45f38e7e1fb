import { UnsupportedMediaTypeException } from '@nestjs/common';
import { raw, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/**
 * Reads whatever body the JSON parser left alone (any other content type) under the same limit, so
 * an oversized body is 413 whatever it claims to be, and never read past the limit.
 */
export function readOtherBodies(limit: string): RequestHandler {
  return raw({ type: () => true, limit });
}

/** The API takes JSON only: any other non-empty body is 415, saying what to send instead. */
export function refuseNonJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  if (!Buffer.isBuffer(request.body)) return next();
  if (request.body.length > 0) return next(new UnsupportedMediaTypeException('Request body must be JSON, sent with Content-Type: application/json'));
  // An empty body of another type is no body at all.
  request.body = undefined;
  next();
}
