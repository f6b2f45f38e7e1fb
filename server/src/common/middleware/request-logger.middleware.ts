import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { redactPath } from './redact-path';

/** One line per request: method, path, status, duration. Never a header, body or query string. */
@Injectable()
export class RequestLoggerMiddleware implements NestMiddleware {
  private readonly logger = new Logger('HTTP');

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    const path = redactPath(request.originalUrl);
    response.once('finish', () => {
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      this.logger.log(`${request.method} ${path} ${response.statusCode} ${milliseconds.toFixed(1)}ms`);
    });
    next();
  }
}
