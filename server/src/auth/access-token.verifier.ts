import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JsonWebTokenError, TokenExpiredError, verify } from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { LruCache } from '../common/cache/lru-cache';
import { AppConfig } from '../config/app-config';
import { AccessTokenClaims } from './tokens.service';

const BEARER = /^Bearer\s+(\S+)$/i;
/** Tokens whose signature has been checked, remembered until they expire; beyond this the least recently used is checked again. */
const VERIFIED_TOKENS = 50_000;

interface VerifiedToken {
  claims: AccessTokenClaims;
  /** The token's `exp`, in ms. */
  expiresAtMs: number;
}

/** Reads and checks the bearer token of a request: HS256 only, signature and expiry, and the claims a login names. */
@Injectable()
export class AccessTokenVerifier {
  /**
   * A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to read it as a
   * public key on every call, which was most of the cost of an authenticated request.
   */
  private readonly key: KeyObject;
  /**
   * A token's signature and claims never change, so each is checked once; its expiry is still
   * checked on every use. Whether its login is still open is not a property of the token: the guard
   * asks that on every request.
   */
  private readonly verified = new LruCache<string, VerifiedToken>(VERIFIED_TOKENS);

  constructor(config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  /** The claims of the request's bearer token; a 401 that says what is wrong otherwise. */
  verify(authorization: string | undefined): AccessTokenClaims {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (token === undefined) throw new UnauthorizedException('Missing bearer token: send Authorization: Bearer <jwt>');
    const known = this.verified.get(token);
    if (known) {
      // The same instant jsonwebtoken compares with (whole seconds).
      if (Math.floor(Date.now() / 1000) * 1000 < known.expiresAtMs) return known.claims;
      this.verified.delete(token);
      throw new UnauthorizedException('Access token has expired');
    }
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = verify(token, this.key, { algorithms: ['HS256'] }) as Partial<AccessTokenClaims>;
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new UnauthorizedException('Access token has expired');
      if (error instanceof JsonWebTokenError) throw new UnauthorizedException('Access token is invalid');
      throw error;
    }
    if (typeof claims !== 'object' || claims === null || typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || (claims.pid !== undefined && typeof claims.pid !== 'string')) {
      throw new UnauthorizedException('Access token is malformed');
    }
    const verifiedClaims: AccessTokenClaims = { sub: claims.sub, sid: claims.sid, ...(claims.pid ? { pid: claims.pid } : {}) };
    const exp = (claims as { exp?: unknown }).exp;
    if (typeof exp === 'number') this.verified.set(token, { claims: verifiedClaims, expiresAtMs: exp * 1000 });
    return verifiedClaims;
  }
}
