import { HttpException, HttpStatus } from '@nestjs/common';

/** 503 that says when to come back; the exception filter turns that into `Retry-After`. */
export class ServiceUnavailableException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
