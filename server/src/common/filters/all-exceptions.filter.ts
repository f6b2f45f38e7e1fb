import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ErrorResponseDto } from '../dto/error-response.dto';
import { describeDatabaseError, isDatabaseUnavailable } from '../../database/database-unavailable';
import { requestIdOf } from '../logging/request-id';
import { ServiceUnavailableException } from '../exceptions/service-unavailable.exception';
import { TooManyRequestsException } from '../exceptions/too-many-requests.exception';

/** When a client should try again while the database is out of reach. */
const DATABASE_RETRY_AFTER_SECONDS = 5;
/** One warning this often at most while the database is down, not one per request. */
const OUTAGE_LOG_INTERVAL_MS = 10_000;

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
}

/**
 * Headers a handler may have set for the response it meant to send (an immutable image, a playlist);
 * left on an error they would mislabel its JSON or let a cache keep a 404 for a year.
 */
const SUCCESS_ONLY_HEADERS = ['Content-Type', 'Cache-Control', 'ETag', 'Last-Modified', 'Content-Disposition', 'Content-Range', 'Accept-Ranges'];

/** Turns every error, Nest's, the body parser's (see bodyParserErrors) or our own, into `{ statusCode, error, message }` and never leaks a stack. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');
  private lastOutageLog = 0;

  catch(caught: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    // The lines written about this request name it, as its request line does.
    const requestId = requestIdOf(http.getRequest<Request>());
    const exception = this.unavailableIfDatabaseIsDown(caught, requestId);
    const { statusCode, message } = this.describe(exception, requestId);
    if (exception instanceof TooManyRequestsException || exception instanceof ServiceUnavailableException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    const body: ErrorResponseDto = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    if (response.headersSent) {
      response.destroy();
      return;
    }
    for (const name of SUCCESS_ONLY_HEADERS) response.removeHeader(name);
    response.status(statusCode).json(body);
  }

  /** A query that failed because the database is out of reach is the service's state, not the request's fault: 503, come back soon. */
  private unavailableIfDatabaseIsDown(exception: unknown, requestId: string | undefined): unknown {
    if (exception instanceof HttpException || !isDatabaseUnavailable(exception)) return exception;
    if (Date.now() - this.lastOutageLog >= OUTAGE_LOG_INTERVAL_MS) {
      this.lastOutageLog = Date.now();
      this.logger.warn({ msg: `Database unavailable, answering 503: ${describeDatabaseError(exception)}`, requestId });
    }
    return new ServiceUnavailableException('The database is unavailable; try again in a few seconds', DATABASE_RETRY_AFTER_SECONDS);
  }

  private describe(exception: unknown, requestId: string | undefined): { statusCode: number; message: string } {
    if (exception instanceof HttpException) {
      return { statusCode: exception.getStatus(), message: messageOf(exception) };
    }
    this.logger.error({ msg: exception instanceof Error ? (exception.stack ?? exception.message) : String(exception), requestId });
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}
