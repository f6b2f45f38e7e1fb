import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { AuthenticatedUser } from '../common/decorators/current-user.decorator';
import { maturityLevel } from '../catalog/maturity';
import { BEFORE_PROFILE_CHOICE_KEY } from '../common/decorators/before-profile-choice.decorator';
import { NOT_FOR_KIDS_KEY } from '../common/decorators/not-for-kids.decorator';
import { IS_PUBLIC_KEY } from '../common/decorators/public.decorator';
import { ProfileDirectory } from '../profiles/profile-directory.service';
import { Profile } from '../profiles/profile';
import { AccessTokenVerifier } from './access-token.verifier';
import { AccessTokenClaims, TokensService } from './tokens.service';

/** What a route's decorators say about who may call it. */
interface RouteAccess {
  isPublic: boolean;
  beforeProfileChoice: boolean;
  notForKids: boolean;
}

/**
 * Applied to every route; only `@Public()` opts out, so a forgotten decorator means guarded. A
 * request passes with a valid access token whose login has not ended and whose profile exists; who
 * it is, the profile it speaks for and what that profile may see go on the request.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly tokens: TokensService,
    private readonly profiles: ProfileDirectory,
  ) {}

  /** Per controller class, then handler: decorators do not change once the app runs, and reading them was most of the guard's own work. */
  private readonly routeAccess = new WeakMap<object, WeakMap<object, RouteAccess>>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.accessTo(context);
    if (access.isPublic) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthenticatedUser }>();
    const { claims, profile } = await this.challenging(http.getResponse<Response>(), request, () => this.verifiedLogin(request));
    // Falling back to a locked first profile would open it without its PIN.
    if (claims.pid === undefined && profile.pinHash !== null && !access.beforeProfileChoice) {
      throw new ForbiddenException(`Profile ${profile.name} is locked: choose a profile (with its PIN) first`);
    }
    if (profile.kids && access.notForKids) {
      throw new ForbiddenException('A kids profile cannot manage profiles or the account');
    }
    request.user = {
      userId: claims.sub,
      sessionId: claims.sid,
      profileId: profile.id,
      profileChosen: claims.pid !== undefined,
      kids: profile.kids,
      audience: { maxLevel: maturityLevel(profile.maturityCeiling), ceiling: profile.maturityCeiling },
    };
    return true;
  }

  private accessTo(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byHandler = this.routeAccess.get(controller);
    if (!byHandler) this.routeAccess.set(controller, (byHandler = new WeakMap()));
    let access = byHandler.get(handler);
    if (!access) {
      const targets = [handler, controller];
      access = {
        isPublic: Boolean(this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)),
        beforeProfileChoice: Boolean(this.reflector.getAllAndOverride<boolean>(BEFORE_PROFILE_CHOICE_KEY, targets)),
        notForKids: Boolean(this.reflector.getAllAndOverride<boolean>(NOT_FOR_KIDS_KEY, targets)),
      };
      byHandler.set(handler, access);
    }
    return access;
  }

  private async verifiedLogin(request: Request): Promise<{ claims: AccessTokenClaims; profile: Profile }> {
    const claims = this.verifier.verify(request.headers.authorization);
    if (!(await this.tokens.isSessionActive(claims))) throw new UnauthorizedException('This session has ended; sign in again');
    const profile = await this.profiles.resolve(claims.sub, claims.pid);
    if (!profile) throw new UnauthorizedException('This profile no longer exists; choose a profile again');
    return { claims, profile };
  }

  /**
   * A 401 about the access token carries a Bearer challenge (RFC 6750 §3): `invalid_token` for one
   * that is expired, forged, of an ended login or for a profile since removed. That tells a client to refresh, where a 401 for a
   * wrong password (which has no challenge) must not be retried with a new token.
   */
  private async challenging<T>(response: Response, request: Request, check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (error) {
      if (error instanceof UnauthorizedException) response.setHeader('WWW-Authenticate', request.headers.authorization === undefined ? 'Bearer' : 'Bearer error="invalid_token"');
      throw error;
    }
  }
}
