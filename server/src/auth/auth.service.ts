import { Injectable, UnauthorizedException } from '@nestjs/common';
import { Transactions } from '../common/transactions/transactions';
import { ProfileDirectory } from '../profiles/profile-directory.service';
import { User } from '../users/user';
import { UsersService } from '../users/users.service';
import { AuthResponseDto } from './dto/auth-response.dto';
import { LoginDto } from './dto/login.dto';
import { SignupDto } from './dto/signup.dto';
import { TokenPairDto } from './dto/token-pair.dto';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher.service';
import { TokensService } from './tokens.service';

const INVALID_CREDENTIALS = 'Invalid email or password';

/** Sign-up, sign-in, refresh and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottle,
    private readonly transactions: Transactions,
    private readonly profiles: ProfileDirectory,
  ) {}

  /** The account, its first profile and its first login are created together, or none is. */
  async signup({ email, password, name }: SignupDto, clientAddress: string): Promise<AuthResponseDto> {
    // A 503 for a full hashing queue comes first, so it costs the address none of its sign-ups.
    this.passwords.admit();
    await this.throttle.admitSignup(clientAddress);
    const passwordHash = await this.passwords.hash(password);
    return this.transactions.run(async () => {
      const user = await this.users.create(email, name, passwordHash);
      await this.profiles.createFirst(user.id, user.name);
      return this.signedIn(user);
    });
  }

  async login({ email, password }: LoginDto, clientAddress: string): Promise<AuthResponseDto> {
    this.passwords.admit();
    await this.throttle.admit(clientAddress, email);
    const user = await this.users.findByEmail(email);
    // Unknown email and wrong password cost the same bcrypt work and give the same answer.
    const valid = user ? await this.passwords.verify(password, user.passwordHash) : await this.passwords.verifyNothing(password);
    if (!user || !valid) {
      await this.throttle.recordFailure(email);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await this.throttle.recordSuccess(email);
    return this.signedIn(user);
  }

  refresh(refreshToken: string): Promise<TokenPairDto> {
    return this.tokens.rotate(refreshToken);
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.endSessionOf(refreshToken);
  }

  /**
   * Confirms the account's owner before a sensitive change (PIN, password): a wrong guess counts
   * against the account like a failed sign-in, so a stolen access token is not a password oracle.
   */
  async confirmPassword(user: User, password: string, refusal = 'Password is incorrect'): Promise<void> {
    this.passwords.admit();
    await this.throttle.admitAccount(user.email);
    if (!(await this.passwords.verify(password, user.passwordHash))) {
      await this.throttle.recordFailure(user.email);
      throw new UnauthorizedException(refusal);
    }
    await this.throttle.recordSuccess(user.email);
  }

  /** The new password and the end of every other login commit together. */
  async changePassword(user: User, newPassword: string, keepSessionId: string): Promise<void> {
    const passwordHash = await this.passwords.hash(newPassword);
    await this.transactions.run(async () => {
      await this.users.setPasswordHash(user.id, passwordHash);
      await this.tokens.endAllSessions(user.id, keepSessionId);
    });
  }

  endAllSessions(userId: string): Promise<void> {
    return this.tokens.endAllSessions(userId);
  }

  private async signedIn(user: User): Promise<AuthResponseDto> {
    const pair = await this.tokens.startSession(user.id);
    return { user: { id: user.id, email: user.email, name: user.name }, ...pair };
  }
}
