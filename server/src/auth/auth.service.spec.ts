import { ConflictException, UnauthorizedException } from '@nestjs/common';
import { TooManyRequestsException } from '../common/exceptions/too-many-requests.exception';
import { anAuthService } from '../../test/support/auth-fixture';

const ADDRESS = '203.0.113.7';
const EMAIL = 'viewer@example.com';
const PASSWORD = 'correct horse battery';

describe('AuthService', () => {
  let fixture: ReturnType<typeof anAuthService>;

  beforeEach(() => {
    fixture = anAuthService({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_ACCOUNT_WINDOW_SECONDS: '900', SIGNUP_MAX_PER_ADDRESS: '2', LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10' });
  });

  const signup = (email = EMAIL, address = ADDRESS) => fixture.auth.signup({ email, password: PASSWORD, name: 'Vera' }, address);
  const login = (email: string, password: string, address = ADDRESS) => fixture.auth.login({ email, password }, address);

  it('signs a new account in, with a first profile named after it', async () => {
    const response = await signup();
    expect(response.user).toEqual({ id: expect.stringMatching(/^user_/), email: EMAIL, name: 'Vera' });
    expect(await fixture.signedIn(response.jwt)).toBe(true);
    expect((await fixture.profiles.list(response.user.id)).map((profile) => profile.name)).toEqual(['Vera']);
    expect((await fixture.users.get(response.user.id)).passwordHash).not.toContain(PASSWORD);
  });

  it('refuses a second account for an email with 409, leaving the first untouched', async () => {
    const first = await signup();
    const refusal = signup(EMAIL, '198.51.100.1');
    await expect(refusal).rejects.toThrow(ConflictException);
    await expect(refusal).rejects.toThrow('An account with this email already exists');
    expect((await fixture.users.findByEmail(EMAIL))?.id).toBe(first.user.id);
    expect((await login(EMAIL, PASSWORD)).user.id).toBe(first.user.id);
  });

  it('refuses more sign-ups from one address than the limit, with 429', async () => {
    await signup('a@example.com');
    await signup('b@example.com');
    await expect(signup('c@example.com')).rejects.toThrow(TooManyRequestsException);
    await expect(signup('c@example.com')).rejects.toThrow(/^Too many accounts created from this address; try again in \d+ seconds$/);
    await signup('c@example.com', '198.51.100.1');
  });

  it('gives the same 401 for an unknown email as for a wrong password', async () => {
    await signup();
    await expect(login(EMAIL, 'not the password')).rejects.toThrow(new UnauthorizedException('Invalid email or password'));
    await expect(login('nobody@example.com', PASSWORD)).rejects.toThrow(new UnauthorizedException('Invalid email or password'));
  });

  it('signs in with the right password, each time a login of its own', async () => {
    const account = await signup();
    const first = await login(EMAIL, PASSWORD);
    const second = await login(EMAIL, PASSWORD);
    expect(first.user).toEqual(account.user);
    expect(fixture.sessionOf(first.jwt)).not.toBe(fixture.sessionOf(second.jwt));
    expect(await fixture.signedIn(first.jwt)).toBe(true);
  });

  it('pauses an account after too many failed sign-ins, even for the right password, until the window ends', async () => {
    await signup();
    for (let attempt = 0; attempt < 3; attempt++) await expect(login(EMAIL, 'guess')).rejects.toThrow(UnauthorizedException);
    await expect(login(EMAIL, PASSWORD, '198.51.100.1')).rejects.toThrow(/^Too many sign-in attempts; try again in 900 seconds$/);
    fixture.clock.advance(900);
    expect((await login(EMAIL, PASSWORD)).user.email).toBe(EMAIL);
  });

  it('counts failures for an unknown email against that email too', async () => {
    for (let attempt = 0; attempt < 3; attempt++) await expect(login('nobody@example.com', 'guess')).rejects.toThrow(UnauthorizedException);
    await expect(login('nobody@example.com', 'guess')).rejects.toThrow(TooManyRequestsException);
  });

  it('forgets earlier failures once the owner signs in', async () => {
    await signup();
    for (let attempt = 0; attempt < 2; attempt++) await expect(login(EMAIL, 'guess')).rejects.toThrow(UnauthorizedException);
    await login(EMAIL, PASSWORD);
    for (let attempt = 0; attempt < 2; attempt++) await expect(login(EMAIL, 'guess')).rejects.toThrow(UnauthorizedException);
    expect((await login(EMAIL, PASSWORD)).user.email).toBe(EMAIL);
  });

  it('refuses more sign-in attempts from one address than the limit, whatever the accounts', async () => {
    for (let attempt = 0; attempt < 10; attempt++) await expect(login(`nobody${attempt}@example.com`, 'guess')).rejects.toThrow(UnauthorizedException);
    await expect(login('someone@example.com', 'guess')).rejects.toThrow(TooManyRequestsException);
  });

  it('counts a wrong password confirming an action like a failed sign-in, with the caller’s message', async () => {
    const { user } = await signup();
    const account = await fixture.users.get(user.id);
    await expect(fixture.auth.confirmPassword(account, 'guess', 'PIN change needs your password')).rejects.toThrow(new UnauthorizedException('PIN change needs your password'));
    await expect(fixture.auth.confirmPassword(account, 'guess')).rejects.toThrow('Password is incorrect');
    await expect(login(EMAIL, 'guess')).rejects.toThrow(UnauthorizedException);
    await expect(fixture.auth.confirmPassword(account, PASSWORD)).rejects.toThrow(TooManyRequestsException);
  });

  it('changes the password and ends every other login, keeping the one named', async () => {
    const kept = await signup();
    const other = await login(EMAIL, PASSWORD);
    await fixture.auth.changePassword(await fixture.users.get(kept.user.id), 'a brand new passphrase', fixture.sessionOf(kept.jwt));
    expect(await fixture.signedIn(kept.jwt)).toBe(true);
    expect(await fixture.signedIn(other.jwt)).toBe(false);
    await expect(fixture.auth.refresh(other.refreshToken)).rejects.toThrow(UnauthorizedException);
    await expect(login(EMAIL, PASSWORD)).rejects.toThrow(UnauthorizedException);
    expect((await login(EMAIL, 'a brand new passphrase')).user.id).toBe(kept.user.id);
  });

  it('signs out one login, leaving the others on', async () => {
    const first = await signup();
    const second = await login(EMAIL, PASSWORD);
    await fixture.auth.logout(first.refreshToken);
    expect(await fixture.signedIn(first.jwt)).toBe(false);
    await expect(fixture.auth.refresh(first.refreshToken)).rejects.toThrow(UnauthorizedException);
    expect(await fixture.signedIn(second.jwt)).toBe(true);
  });
});
