import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from '../common/decorators/current-user.decorator';
import { AppConfig } from '../config/app-config';
import { TokensService } from './tokens.service';
import { VerifiedTokenCache } from './verified-token-cache';

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/** Verifies bearer tokens: HS256 only, signature and expiry, and that their login has not been ended. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    config: AppConfig,
    private readonly tokens: TokensService,
  ) {
    super({
      jwtFromRequest: bearerToken,
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every request, which was most of the cost of an authenticated request.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  /**
   * A token verified before and not yet expired skips passport-jwt's signature check and JSON
   * parsing; the session check in `validate` still runs on every request, so a logout takes effect
   * at once. Anything else takes passport-jwt's full path.
   */
  override authenticate(request: Request, options?: unknown): void {
    const token = bearerToken(request);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims) return super.authenticate(request, options);
    this.validate(request, claims).then(
      (viewer) => this.success(viewer),
      (error: unknown) => this.error(error as Error),
    );
  }

  async validate(request: Request, claims: { sub?: unknown; sid?: unknown; exp?: unknown }): Promise<AuthenticatedUser> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw new UnauthorizedException('Access token is malformed');
    }
    if (!(await this.tokens.isSessionActive({ sub: claims.sub, sid: claims.sid }))) {
      throw new UnauthorizedException('This session has ended; sign in again');
    }
    // Only reached with claims whose signature was checked (here or on an earlier request).
    const token = bearerToken(request);
    if (token) this.verified.remember(token, claims);
    return { userId: claims.sub, sessionId: claims.sid };
  }
}
