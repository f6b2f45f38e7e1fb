import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { anAuthService } from '../../test/support/auth-fixture';
import { NotForKidsProfiles } from '../common/decorators/not-for-kids.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ProfileDirectory } from '../profiles/profile-directory.service';
import { Profile } from '../profiles/profile';
import { AccessTokenVerifier } from './access-token.verifier';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokensService } from './tokens.service';

class CatalogLikeController {
  list(): string {
    return 'a guarded route';
  }
}

/** The request a guarded route sees, and what the guard wrote on its response. */
function aRequest(authorization?: string) {
  const request: { headers: Record<string, string | undefined>; user?: unknown } = { headers: { authorization } };
  const written: Record<string, string> = {};
  const response = { setHeader: (name: string, value: string) => (written[name] = value) };
  const context = {
    getHandler: () => CatalogLikeController.prototype.list,
    getClass: () => CatalogLikeController,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { request, written, context };
}

describe('JwtAuthGuard', () => {
  async function setUp() {
    const fixture = anAuthService();
    const guard = new JwtAuthGuard(new Reflector(), new AccessTokenVerifier(fixture.config), fixture.tokens, fixture.profiles);
    const signup = await fixture.auth.signup({ email: 'guard@example.com', password: 'long enough password', name: 'Guard' }, '127.0.0.1');
    return { ...fixture, guard, signup, bearer: `Bearer ${signup.jwt}` };
  }

  it('asks the store the first time, then decides without a promise while the login and profiles are remembered', async () => {
    const { guard, bearer, signup } = await setUp();
    const first = aRequest(bearer);
    const decided = guard.canActivate(first.context);
    expect(decided).toBeInstanceOf(Promise);
    await expect(decided).resolves.toBe(true);

    const again = aRequest(bearer);
    expect(guard.canActivate(again.context)).toBe(true);
    expect(again.request.user).toEqual(first.request.user);
    expect(again.request.user).toMatchObject({ userId: signup.user.id, profileChosen: false, kids: false });
  });

  it('refuses at once, with the invalid_token challenge, a remembered login that has since ended', async () => {
    const { guard, bearer, signup, auth } = await setUp();
    await guard.canActivate(aRequest(bearer).context);
    expect(guard.canActivate(aRequest(bearer).context)).toBe(true);

    await auth.logout(signup.refreshToken);
    const after = aRequest(bearer);
    await expect(Promise.resolve().then(() => guard.canActivate(after.context))).rejects.toThrow('This session has ended; sign in again');
    expect(after.written['WWW-Authenticate']).toBe('Bearer error="invalid_token"');
    expect(after.request.user).toBeUndefined();
  });

  it('refuses a token naming a profile the remembered account no longer has', async () => {
    const { guard, signup, tokens, profiles, profileRepository } = await setUp();
    const [first] = await profiles.list(signup.user.id);
    const second = { ...first, id: 'prof_second', name: 'Second' };
    await profileRepository.add(second, 5);
    await profiles.changed(signup.user.id);
    const chosen = await tokens.selectProfile(signup.user.id, (JSON.parse(Buffer.from(signup.jwt.split('.')[1], 'base64url').toString()) as { sid: string }).sid, second.id);
    const bearer = `Bearer ${chosen}`;
    await guard.canActivate(aRequest(bearer).context);
    expect(guard.canActivate(aRequest(bearer).context)).toBe(true);

    await profileRepository.remove(signup.user.id, second.id);
    await profiles.changed(signup.user.id);
    await expect(Promise.resolve().then(() => guard.canActivate(aRequest(bearer).context))).rejects.toEqual(
      new UnauthorizedException('This profile no longer exists; choose a profile again'),
    );
    // Remembered again, the removed profile is refused without the store, synchronously.
    const remembered = aRequest(bearer);
    expect(() => guard.canActivate(remembered.context)).toThrow('This profile no longer exists; choose a profile again');
    expect(remembered.written['WWW-Authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('challenges a request without a token with a bare Bearer, synchronously', async () => {
    const { guard } = await setUp();
    const anonymous = aRequest(undefined);
    expect(() => guard.canActivate(anonymous.context)).toThrow('Missing bearer token: send Authorization: Bearer <jwt>');
    expect(anonymous.written['WWW-Authenticate']).toBe('Bearer');
  });
});

describe('JwtAuthGuard route rules', () => {
  const kidsProfile: Profile = { id: 'p1', userId: 'u1', name: 'Kim', avatar: 'a1', kids: true, maturityCeiling: 'PG', pinHash: null, autoplayNext: true, createdAt: 0 };

  class Shared {
    handle(): void {
      // The handler of every route below; only the decorators differ.
    }
  }

  @Public()
  class OpenController extends Shared {}

  class AccountController extends Shared {
    @NotForKidsProfiles()
    manage(): void {
      // A route kids profiles may not use.
    }

    watch(): void {
      // A route they may.
    }
  }

  function contextOf(controller: object, handler: object, headers: Record<string, string> = { authorization: 'Bearer t' }): ExecutionContext {
    const request = { headers };
    const response = { setHeader: () => undefined };
    return {
      getHandler: () => handler,
      getClass: () => controller,
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ExecutionContext;
  }

  const guard = new JwtAuthGuard(
    new Reflector(),
    {
      verify: (authorization?: string) => {
        if (authorization === undefined) throw new UnauthorizedException('Missing bearer token');
        return { sub: 'u1', sid: 's1', pid: 'p1' };
      },
    } as unknown as AccessTokenVerifier,
    { sessionActiveFromMemory: () => true } as unknown as TokensService,
    { resolveFromMemory: () => kidsProfile } as unknown as ProfileDirectory,
  );
  const decide = (context: ExecutionContext) => Promise.resolve().then(() => guard.canActivate(context));

  it('reads each route’s own decorators, asked again and again, a handler shared by two controllers included', async () => {
    for (let round = 0; round < 2; round++) {
      await expect(decide(contextOf(OpenController, Shared.prototype.handle, {}))).resolves.toBe(true);
      await expect(decide(contextOf(AccountController, Shared.prototype.handle, {}))).rejects.toThrow(UnauthorizedException);
      await expect(decide(contextOf(AccountController, AccountController.prototype.manage))).rejects.toThrow(ForbiddenException);
      await expect(decide(contextOf(AccountController, AccountController.prototype.watch))).resolves.toBe(true);
    }
  });
});
