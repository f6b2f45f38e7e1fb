import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import { TooManyRequestsException } from '../common/exceptions/too-many-requests.exception';
import { anAuthService } from '../../test/support/auth-fixture';
import { AccountService } from './account.service';

const EMAIL = 'viewer@example.com';
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new passphrase';

describe('AccountService', () => {
  let fixture: ReturnType<typeof anAuthService>;
  let account: AccountService;

  beforeEach(() => {
    fixture = anAuthService({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    account = new AccountService(fixture.users, fixture.auth);
  });

  const signup = () => fixture.auth.signup({ email: EMAIL, password: PASSWORD, name: 'Vera' }, '203.0.113.7');
  const login = (password: string) => fixture.auth.login({ email: EMAIL, password }, '203.0.113.7');

  it('shows the account with when it was created, and renames it', async () => {
    const { user } = await signup();
    expect(await account.profile(user.id)).toEqual({ id: user.id, email: EMAIL, name: 'Vera', createdAt: new Date(fixture.clock.now()).toISOString() });
    expect((await account.rename(user.id, 'Vera Lynn')).name).toBe('Vera Lynn');
    expect((await account.profile(user.id)).name).toBe('Vera Lynn');
  });

  it('answers 404 for an account that no longer exists', async () => {
    await expect(account.profile('user_gone')).rejects.toThrow(new NotFoundException('Account not found'));
    await expect(account.rename('user_gone', 'Nobody')).rejects.toThrow(NotFoundException);
  });

  it('changes the password only with the current one, keeping the caller signed in and ending every other login', async () => {
    const caller = await signup();
    const other = await login(PASSWORD);
    await account.changePassword(caller.user.id, fixture.sessionOf(caller.jwt), PASSWORD, NEW_PASSWORD);
    expect(await fixture.signedIn(caller.jwt)).toBe(true);
    expect(await fixture.signedIn(other.jwt)).toBe(false);
    await expect(login(PASSWORD)).rejects.toThrow(UnauthorizedException);
    expect((await login(NEW_PASSWORD)).user.id).toBe(caller.user.id);
  });

  it('refuses a wrong current password with 401, changing nothing, and counts it like a failed sign-in', async () => {
    const caller = await signup();
    const other = await login(PASSWORD);
    const sessionId = fixture.sessionOf(caller.jwt);
    await expect(account.changePassword(caller.user.id, sessionId, 'guess', NEW_PASSWORD)).rejects.toThrow(new UnauthorizedException('Current password is incorrect'));
    expect(await fixture.signedIn(other.jwt)).toBe(true);
    await expect(account.changePassword(caller.user.id, sessionId, 'guess', NEW_PASSWORD)).rejects.toThrow(UnauthorizedException);
    await expect(login('guess')).rejects.toThrow(UnauthorizedException);
    await expect(account.changePassword(caller.user.id, sessionId, PASSWORD, NEW_PASSWORD)).rejects.toThrow(TooManyRequestsException);
    fixture.clock.advance(fixture.config.loginAccountWindowSeconds);
    expect((await login(PASSWORD)).user.id).toBe(caller.user.id);
  });

  it('signs out everywhere, the caller’s own login included', async () => {
    const caller = await signup();
    const other = await login(PASSWORD);
    await account.signOutEverywhere(caller.user.id);
    expect(await fixture.signedIn(caller.jwt)).toBe(false);
    expect(await fixture.signedIn(other.jwt)).toBe(false);
    await expect(fixture.auth.refresh(caller.refreshToken)).rejects.toThrow(UnauthorizedException);
  });
});
