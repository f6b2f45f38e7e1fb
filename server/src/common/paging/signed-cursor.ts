import { BadRequestException } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LruCache } from '../cache/lru-cache';

interface CursorPayload {
  /** Position of the last item already returned (an ordinal or a sequence number). */
  after: number;
  /** Fingerprint of the query (and whose list) the cursor was made for. */
  query: string;
}

const INVALID = 'cursor is invalid: pass back the cursor of the previous page unchanged';
/** Cursors are deterministic, and most traffic asks for the same few first pages. */
const CACHED_CURSORS = 4096;

/**
 * Opaque, tamper-evident paging cursors: the position and the query they belong to, signed with a key
 * of their own per kind of list, so a garbled, forged or borrowed cursor is a clear 400 rather than a
 * wrong page.
 */
export class SignedCursor {
  private readonly key: Buffer;
  /** Cursors already made, by position and query; and cursors already verified, with their payload. */
  private readonly encoded = new LruCache<string, string>(CACHED_CURSORS);
  private readonly verified = new LruCache<string, CursorPayload>(CACHED_CURSORS);

  constructor(
    secret: string,
    purpose: string,
    /** What to keep unchanged while paging, for the 400 of a cursor used with another query. */
    private readonly keepSame: string,
  ) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  encode(after: number, query: string): string {
    const key = `${after}|${query}`;
    let cursor = this.encoded.get(key);
    if (cursor === undefined) {
      const body = Buffer.from(JSON.stringify({ after, query } satisfies CursorPayload)).toString('base64url');
      cursor = `${body}.${this.sign(body)}`;
      this.encoded.set(key, cursor);
    }
    return cursor;
  }

  decode(cursor: string, query: string): number {
    const payload = this.verified.get(cursor) ?? this.verify(cursor);
    if (payload.query !== query) {
      throw new BadRequestException(`cursor belongs to a different query: ${this.keepSame}`);
    }
    return payload.after;
  }

  /** Checks the signature; only a cursor that passes is remembered. */
  private verify(cursor: string): CursorPayload {
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined) throw new BadRequestException(INVALID);
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new BadRequestException(INVALID);
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as CursorPayload;
    this.verified.set(cursor, payload);
    return payload;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}
