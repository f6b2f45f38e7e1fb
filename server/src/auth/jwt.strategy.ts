import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AuthenticatedUser } from '../common/decorators/current-user.decorator';
import { AppConfig } from '../config/app-config';
import { AccessTokenClaims, TokensService } from './tokens.service';

/** Verifies bearer tokens: HS256 only, signature and expiry, and that their login has not been ended. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: AppConfig,
    private readonly tokens: TokensService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every request, which was most of the cost of an authenticated request.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<AccessTokenClaims>): Promise<AuthenticatedUser> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
      throw new UnauthorizedException('Access token is malformed');
    }
    if (!(await this.tokens.isSessionActive({ sub: claims.sub, sid: claims.sid }))) {
      throw new UnauthorizedException('This session has ended; sign in again');
    }
    return { userId: claims.sub, sessionId: claims.sid };
  }
}
