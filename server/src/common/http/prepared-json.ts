import type { Response } from 'express';
import { createHash } from 'node:crypto';

/**
 * A JSON answer serialised once, with its ETag: a hash of the bytes, so it changes whenever
 * anything in the answer does (a per-profile page gets its own bytes and so its own tag).
 */
export class PreparedJson {
  readonly etag: string;

  private constructor(readonly bytes: Buffer) {
    this.etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  }

  static of(value: unknown): PreparedJson {
    return new PreparedJson(Buffer.from(JSON.stringify(value)));
  }

  /**
   * Sends the bytes, or 304 without them when the request's If-None-Match names this tag (Express's
   * send checks freshness against the ETag set here). The answer depends on who asks: private to the
   * browser, revalidated on each use (`no-cache` does not forbid keeping it), varying by Authorization.
   */
  send(response: Response): void {
    response.setHeader('ETag', this.etag);
    response.setHeader('Cache-Control', 'private, no-cache');
    response.vary('Authorization');
    response.type('application/json; charset=utf-8');
    response.send(this.bytes);
  }
}
