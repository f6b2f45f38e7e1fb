import { HttpException, HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'Request body is not valid JSON',
  'entity.too.large': 'Request body is larger than 100 kB',
  'encoding.unsupported': 'Request body encoding is not supported',
  'charset.unsupported': 'Request body charset is not supported; use utf-8',
  'request.aborted': 'Request was aborted',
  'request.size.invalid': 'Request body size does not match Content-Length',
  'parameters.too.many': 'Request body has too many parameters',
};

/** Express error middleware placed right after the body parser: turns its errors into clear HTTP exceptions. */
export function bodyParserErrors(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    next(new HttpException(MESSAGES[type] ?? 'Request body could not be read', status as HttpStatus));
    return;
  }
  next(error);
}
