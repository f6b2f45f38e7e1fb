import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** What a stream token grants: this viewer, while this login lasts, may read this stream until then. */
export interface StreamGrant {
  userId: string;
  /** The login that started playback: signing it out ends the stream too. */
  sessionId: string;
  /** Whose stream: a film's title id (`tt1000`) or an episode's id (`tt1003-s1e4`). */
  streamId: string;
  /** Unix seconds. */
  expiresAt: number;
}

const STREAM_ID = /^tt\d{1,9}(-s\d{1,2}e\d{1,3})?$/;
const USER_PART = /^[A-Za-z0-9_-]{1,128}$/;
const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Path tokens for stream URLs: `<streamId>.<userId base64url>.<sessionId>.<expiresAt>.<HMAC-SHA256>`.
 * Carried in the path, so every file a playlist reaches by a relative URL is covered by the same
 * signature.
 */
@Injectable()
export class StreamTokenSigner {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.streamSecret).update('stream-token').digest();
  }

  sign(grant: StreamGrant): string {
    if (!SESSION_ID.test(grant.sessionId)) throw new Error('A session id is base64url');
    const payload = `${grant.streamId}.${Buffer.from(grant.userId).toString('base64url')}.${grant.sessionId}.${grant.expiresAt}`;
    return `${payload}.${this.mac(payload)}`;
  }

  /** The grant a token carries if its signature is genuine (expiry is the caller's to check); else undefined. */
  verify(token: string): StreamGrant | undefined {
    const parts = token.split('.');
    if (parts.length !== 5) return undefined;
    const [streamId, userPart, sessionId, expiry, signature] = parts;
    if (!STREAM_ID.test(streamId) || !USER_PART.test(userPart) || !SESSION_ID.test(sessionId) || !/^\d{1,12}$/.test(expiry)) return undefined;
    const expected = Buffer.from(this.mac(`${streamId}.${userPart}.${sessionId}.${expiry}`));
    const given = Buffer.from(signature);
    // Constant-time: the comparison takes as long for a near miss as for a wild guess.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return { streamId, userId: Buffer.from(userPart, 'base64url').toString(), sessionId, expiresAt: Number(expiry) };
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
