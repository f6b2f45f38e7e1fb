import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { ErrorResponseDto } from '../dto/error-response.dto';
import { TooManyRequestsException } from '../exceptions/too-many-requests.exception';

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

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { statusCode, message } = this.describe(exception);
    if (exception instanceof TooManyRequestsException) {
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

  private describe(exception: unknown): { statusCode: number; message: string } {
    if (exception instanceof HttpException) {
      return { statusCode: exception.getStatus(), message: messageOf(exception) };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
  }
}
