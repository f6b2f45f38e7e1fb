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

interface Login {
  claims: AccessTokenClaims;
  profile: Profile;
}

/** What a route's decorators say about who may call it, read once per route. */
interface RouteRules {
  isPublic: boolean;
  beforeProfileChoice: boolean;
  notForKids: boolean;
}

/**
 * Applied to every route; only `@Public()` opts out, so a forgotten decorator means guarded. A
 * request passes with a valid access token whose login has not ended and whose profile exists; who
 * it is, the profile it speaks for and what that profile may see go on the request. When this
 * instance remembers the login and its profiles (most requests) it decides without a promise.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  /** Per controller class, per handler: decorators do not change while the app runs. */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly tokens: TokensService,
    private readonly profiles: ProfileDirectory,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const rules = this.rulesOf(context);
    if (rules.isPublic) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthenticatedUser }>();
    const response = http.getResponse<Response>();
    let login: Login | Promise<Login>;
    try {
      login = this.login(request);
    } catch (error) {
      throw this.challenging(response, request, error);
    }
    if (login instanceof Promise) {
      return login.then(
        (found) => this.admit(request, found, rules),
        (error: unknown) => {
          throw this.challenging(response, request, error);
        },
      );
    }
    return this.admit(request, login, rules);
  }

  /** The login and profile from memory when both are remembered here, else from the store. */
  private login(request: Request): Login | Promise<Login> {
    const claims = this.verifier.verify(request.headers.authorization);
    const active = this.tokens.sessionActiveFromMemory(claims);
    if (active === false) throw sessionEnded();
    const profile = active ? this.profiles.resolveFromMemory(claims.sub, claims.pid) : undefined;
    if (profile === null) throw profileGone();
    return profile ? { claims, profile } : this.loginFromStore(claims);
  }

  private async loginFromStore(claims: AccessTokenClaims): Promise<Login> {
    if (!(await this.tokens.isSessionActive(claims))) throw sessionEnded();
    const profile = await this.profiles.resolve(claims.sub, claims.pid);
    if (!profile) throw profileGone();
    return { claims, profile };
  }

  private admit(request: Request & { user?: AuthenticatedUser }, { claims, profile }: Login, rules: RouteRules): true {
    // Falling back to a locked first profile would open it without its PIN.
    if (claims.pid === undefined && profile.pinHash !== null && !rules.beforeProfileChoice) {
      throw new ForbiddenException(`Profile ${profile.name} is locked: choose a profile (with its PIN) first`);
    }
    if (profile.kids && rules.notForKids) throw new ForbiddenException('A kids profile cannot manage profiles or the account');
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

  private rulesOf(context: ExecutionContext): RouteRules {
    const handler = context.getHandler();
    const controller = context.getClass();
    let ofController = this.rules.get(controller);
    if (!ofController) this.rules.set(controller, (ofController = new WeakMap()));
    let rules = ofController.get(handler);
    if (!rules) {
      const says = (key: string) => this.reflector.getAllAndOverride<boolean>(key, [handler, controller]) === true;
      rules = { isPublic: says(IS_PUBLIC_KEY), beforeProfileChoice: says(BEFORE_PROFILE_CHOICE_KEY), notForKids: says(NOT_FOR_KIDS_KEY) };
      ofController.set(handler, rules);
    }
    return rules;
  }

  /**
   * A 401 about the access token carries a Bearer challenge (RFC 6750 §3): `invalid_token` for one
   * that is expired, forged, of an ended login or for a profile since removed. That tells a client to refresh, where a 401 for a
   * wrong password (which has no challenge) must not be retried with a new token.
   */
  private challenging(response: Response, request: Request, error: unknown): unknown {
    if (error instanceof UnauthorizedException) response.setHeader('WWW-Authenticate', request.headers.authorization === undefined ? 'Bearer' : 'Bearer error="invalid_token"');
    return error;
  }
}

function sessionEnded(): UnauthorizedException {
  return new UnauthorizedException('This session has ended; sign in again');
}

function profileGone(): UnauthorizedException {
  return new UnauthorizedException('This profile no longer exists; choose a profile again');
}
