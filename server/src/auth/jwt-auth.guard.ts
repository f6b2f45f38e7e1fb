import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthenticatedUser } from '../common/decorators/current-user.decorator';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { AccessTokenVerifier } from './access-token.verifier';
import { TokensService } from './tokens.service';

/**
 * Applied to every route; only `@Public()` opts out, so a forgotten decorator means guarded. A
 * request passes with a valid access token whose login has not ended; who it is goes on the request.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const claims = this.verifier.verify(request.headers.authorization);
    if (!(await this.tokens.isSessionActive(claims))) throw new UnauthorizedException('This session has ended; sign in again');
    request.user = { userId: claims.sub, sessionId: claims.sid };
    return true;
  }
}
