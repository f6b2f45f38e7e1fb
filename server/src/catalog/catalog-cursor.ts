import { BadRequestException, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LruCache } from '../common/cache/lru-cache';
import { AppConfig } from '../config/app-config';

interface CursorPayload {
  /** Ordinal of the last title already returned. */
  after: number;
  /** Fingerprint of the filter the cursor was made for. */
  query: string;
}

const INVALID = 'cursor is invalid: pass back the cursor of the previous page unchanged';
/** Cursors are deterministic, and most traffic asks for the same few first pages. */
const CACHED_CURSORS = 4096;

/**
 * Opaque, tamper-evident paging cursors: the position and the query they belong to, signed so a
 * garbled or forged cursor is a clear 400 rather than a wrong page.
 */
@Injectable()
export class CatalogCursor {
  private readonly key: Buffer;
  /** Cursors already made, by position and query; and cursors already verified, with their payload. */
  private readonly encoded = new LruCache<string, string>(CACHED_CURSORS);
  private readonly verified = new LruCache<string, CursorPayload>(CACHED_CURSORS);

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.cursorSecret).update('catalog-cursor').digest();
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
      throw new BadRequestException('cursor belongs to a different query: keep genre and q the same while paging');
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

