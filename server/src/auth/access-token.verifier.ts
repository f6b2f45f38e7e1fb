import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JsonWebTokenError, TokenExpiredError, verify } from 'jsonwebtoken';
import { createSecretKey, KeyObject } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { AccessTokenClaims } from './tokens.service';

const BEARER = /^Bearer\s+(\S+)$/i;

/** Reads and checks the bearer token of a request: HS256 only, signature and expiry, and the claims a login names. */
@Injectable()
export class AccessTokenVerifier {
  /**
   * A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to read it as a
   * public key on every call, which was most of the cost of an authenticated request.
   */
  private readonly key: KeyObject;

  constructor(config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  /** The claims of the request's bearer token; a 401 that says what is wrong otherwise. */
  verify(authorization: string | undefined): AccessTokenClaims {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (token === undefined) throw new UnauthorizedException('Missing bearer token: send Authorization: Bearer <jwt>');
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
    return { sub: claims.sub, sid: claims.sid, ...(claims.pid ? { pid: claims.pid } : {}) };
  }
}
