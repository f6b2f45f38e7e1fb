import { BadRequestException, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

interface CursorPayload {
  /** Ordinal of the last title already returned. */
  after: number;
  /** Fingerprint of the filter the cursor was made for. */
  query: string;
}

const INVALID = 'cursor is invalid: pass back the cursor of the previous page unchanged';

/**
 * Opaque, tamper-evident paging cursors: the position and the query they belong to, signed so a
 * garbled or forged cursor is a clear 400 rather than a wrong page.
 */
@Injectable()
export class CatalogCursor {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('catalog-cursor').digest();
  }

  encode(after: number, query: string): string {
    const body = Buffer.from(JSON.stringify({ after, query } satisfies CursorPayload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  decode(cursor: string, query: string): number {
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined) throw new BadRequestException(INVALID);
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new BadRequestException(INVALID);
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as CursorPayload;
    if (payload.query !== query) {
      throw new BadRequestException('cursor belongs to a different query: keep genre and q the same while paging');
    }
    return payload.after;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }
}

