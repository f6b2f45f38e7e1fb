import { HttpException, HttpStatus } from '@nestjs/common';

/** 429 that knows when the client may try again; the exception filter turns that into `Retry-After`. */
export class TooManyRequestsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
