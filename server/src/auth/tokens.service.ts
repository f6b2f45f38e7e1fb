import { Injectable, OnModuleDestroy, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import { TokenPairDto } from './dto/token-pair.dto';
import { RefreshTokenRepository } from './refresh-token.repository';

/** What an access token says: who, and which login it belongs to. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

const REFRESH_TOKEN_BYTES = 32;
const SWEEP_INTERVAL_MS = 60_000;
const INVALID_REFRESH = 'Refresh token is invalid or expired; sign in again';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Access and refresh tokens. Each login is a session (a refresh-token family); access tokens name
 * their session, so ending a session stops its access tokens at once, not when they expire.
 */
@Injectable()
export class TokensService implements OnModuleInit, OnModuleDestroy {
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => void this.sweepExpired(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
  }

  async startSession(userId: string): Promise<TokenPairDto> {
    const now = this.clock.now();
    const sessionId = randomBytes(16).toString('base64url');
    await this.refreshTokens.createSession({
      id: sessionId,
      userId,
      createdAt: now,
      expiresAt: now + this.config.refreshTtlSeconds * 1000,
    });
    return this.issuePair(userId, sessionId);
  }

  /** Exchanges a refresh token for a new pair. Presenting an already-used token ends its whole session. */
  async rotate(refreshToken: string): Promise<TokenPairDto> {
    const tokenHash = hashToken(refreshToken);
    const stored = await this.refreshTokens.findToken(tokenHash);
    if (!stored) throw new UnauthorizedException(INVALID_REFRESH);
    const session = await this.refreshTokens.findSession(stored.sessionId);
    if (!session || session.expiresAt <= this.clock.now()) {
      await this.refreshTokens.deleteSession(stored.sessionId);
      throw new UnauthorizedException(INVALID_REFRESH);
    }
    if (!(await this.refreshTokens.markRotated(tokenHash))) {
      // A rotated token came back: it was copied. End the login for thief and owner alike.
      await this.refreshTokens.deleteSession(session.id);
      throw new UnauthorizedException('Refresh token was already used; this login has been ended for safety');
    }
    return this.issuePair(session.userId, session.id);
  }

  /** Ends the login a refresh token belongs to; unknown tokens are ignored (logout is idempotent). */
  async endSessionOf(refreshToken: string): Promise<void> {
    const stored = await this.refreshTokens.findToken(hashToken(refreshToken));
    if (stored) await this.refreshTokens.deleteSession(stored.sessionId);
  }

  endAllSessions(userId: string, keepSessionId?: string): Promise<void> {
    return this.refreshTokens.deleteUserSessions(userId, keepSessionId);
  }

  async isSessionActive(claims: AccessTokenClaims): Promise<boolean> {
    const session = await this.refreshTokens.findSession(claims.sid);
    return session !== undefined && session.userId === claims.sub && session.expiresAt > this.clock.now();
  }

  /** Sessions held in the store, live or awaiting the sweep. */
  sessionCount(): Promise<number> {
    return this.refreshTokens.countSessions();
  }

  sweepExpired(): Promise<number> {
    return this.refreshTokens.deleteExpired(this.clock.now());
  }

  private async issuePair(userId: string, sessionId: string): Promise<TokenPairDto> {
    const refreshToken = randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
    await this.refreshTokens.addToken({ tokenHash: hashToken(refreshToken), sessionId, rotated: false });
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId };
    const jwt = await this.jwt.signAsync(claims);
    return { jwt, refreshToken };
  }
}
