import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NotForKidsProfiles } from '../common/decorators/not-for-kids.decorator';
import { Public } from '../common/decorators/public.decorator';
import { ProfileDirectory } from '../profiles/profile-directory.service';
import { Profile } from '../profiles/profile';
import { AccessTokenVerifier } from './access-token.verifier';
import { JwtAuthGuard } from './jwt-auth.guard';
import { TokensService } from './tokens.service';

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

describe('JwtAuthGuard', () => {
  const guard = new JwtAuthGuard(
    new Reflector(),
    {
      verify: (authorization?: string) => {
        if (authorization === undefined) throw new UnauthorizedException('Missing bearer token');
        return { sub: 'u1', sid: 's1', pid: 'p1' };
      },
    } as unknown as AccessTokenVerifier,
    { isSessionActive: async () => true } as unknown as TokensService,
    { resolve: async () => kidsProfile } as unknown as ProfileDirectory,
  );

  it('reads each route’s own decorators, asked again and again, a handler shared by two controllers included', async () => {
    for (let round = 0; round < 2; round++) {
      await expect(guard.canActivate(contextOf(OpenController, Shared.prototype.handle, {}))).resolves.toBe(true);
      await expect(guard.canActivate(contextOf(AccountController, Shared.prototype.handle, {}))).rejects.toThrow(UnauthorizedException);
      await expect(guard.canActivate(contextOf(AccountController, AccountController.prototype.manage))).rejects.toThrow(ForbiddenException);
      await expect(guard.canActivate(contextOf(AccountController, AccountController.prototype.watch))).resolves.toBe(true);
    }
  });
});
