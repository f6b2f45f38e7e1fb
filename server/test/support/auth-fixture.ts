import { JwtService } from '@nestjs/jwt';
import { AuthService } from '../../src/auth/auth.service';
import { InMemoryAttemptCounterRepository } from '../../src/auth/in-memory-attempt-counter.repository';
import { InMemoryRefreshTokenRepository } from '../../src/auth/in-memory-refresh-token.repository';
import { LoginThrottle } from '../../src/auth/login-throttle.service';
import { PasswordHasher } from '../../src/auth/password-hasher.service';
import { TokensService } from '../../src/auth/tokens.service';
import { ImmediateTransactions } from '../../src/common/transactions/immediate-transactions.service';
import { loadConfig } from '../../src/config/load-config';
import { InMemoryProfileRepository } from '../../src/profiles/in-memory-profile.repository';
import { ProfileDirectory } from '../../src/profiles/profile-directory.service';
import { CacheInvalidations } from '../../src/redis/cache-invalidations.service';
import { RedisClients } from '../../src/redis/redis-clients.service';
import { InMemoryUserRepository } from '../../src/users/in-memory-user.repository';
import { UsersService } from '../../src/users/users.service';
import { FakeClock } from './fake-clock';

/** AuthService on the in-memory stores and the cheapest bcrypt, with what a unit spec looks at; `env` overrides settings. */
export function anAuthService(env: Record<string, string> = {}) {
  const config = loadConfig({ JWT_SECRET: 'auth-unit', BCRYPT_ROUNDS: '4', ...env });
  const clock = new FakeClock();
  const jwt = new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: 900 } });
  const invalidations = new CacheInvalidations(new RedisClients(config), config);
  const transactions = new ImmediateTransactions();
  const users = new UsersService(new InMemoryUserRepository(), clock);
  const tokens = new TokensService(jwt, new InMemoryRefreshTokenRepository(), transactions, invalidations, config, clock);
  const profileRepository = new InMemoryProfileRepository();
  const profiles = new ProfileDirectory(profileRepository, invalidations, clock);
  const auth = new AuthService(users, new PasswordHasher(config), tokens, new LoginThrottle(new InMemoryAttemptCounterRepository(), config, clock), transactions, profiles);
  /** Whether the login an access token belongs to is still on. */
  const signedIn = (accessToken: string) => tokens.isSessionActive(jwt.verify<{ sub: string; sid: string }>(accessToken));
  const sessionOf = (accessToken: string) => jwt.verify<{ sid: string }>(accessToken).sid;
  return { config, clock, users, tokens, profiles, profileRepository, auth, signedIn, sessionOf };
}
