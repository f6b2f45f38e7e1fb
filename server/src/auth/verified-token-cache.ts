import { LruCache } from '../common/cache/lru-cache';

/** Claims of an access token whose signature has been checked; `exp` in seconds since the epoch. */
export interface VerifiedClaims {
  sub?: unknown;
  sid?: unknown;
  exp: number;
}

const DEFAULT_CAPACITY = 10_000;

/**
 * Access tokens already verified, by their exact text, until they expire. A viewer's client sends
 * the same token for minutes at a time, so re-checking its HMAC and re-parsing its JSON on every
 * request is work done once per token instead. Only a token that passed full verification is put
 * here, and the key is the whole token, signature included, so a hit is as good as a fresh check;
 * expiry is checked on every hit the way jsonwebtoken checks it (whole seconds, expired at `exp`).
 */
export class VerifiedTokenCache {
  private readonly tokens: LruCache<string, VerifiedClaims>;

  constructor(
    capacity = DEFAULT_CAPACITY,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.tokens = new LruCache(capacity);
  }

  /** The claims of a token verified before and not yet expired; otherwise undefined. */
  get(token: string): VerifiedClaims | undefined {
    const claims = this.tokens.get(token);
    if (claims === undefined) return undefined;
    if (Math.floor(this.nowMs() / 1000) >= claims.exp) {
      this.tokens.delete(token);
      return undefined;
    }
    return claims;
  }

  /** Remembers a token that has just passed verification; tokens without a numeric expiry are not kept. */
  remember(token: string, claims: { exp?: unknown }): void {
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return;
    this.tokens.set(token, claims as VerifiedClaims);
  }

  get size(): number {
    return this.tokens.size;
  }
}
