import { Injectable, OnModuleDestroy, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Clock } from '../common/clock/clock';
import { Transactions } from '../common/transactions/transactions';
import { AppConfig } from '../config/app-config';
import { TokenPairDto } from './dto/token-pair.dto';
import { RefreshTokenRepository } from './refresh-token.repository';
import { RememberedEntries } from '../common/cache/remembered-entries';
import { RefreshSession } from './refresh-session';
import { CacheInvalidations } from '../redis/cache-invalidations.service';

/** What an access token says: who, which login it belongs to, and which profile it speaks for (none: the account's first). */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  pid?: string;
}

const REFRESH_TOKEN_BYTES = 32;
const SWEEP_INTERVAL_MS = 60_000;
/** Live logins remembered in process; beyond this the least recently used is looked up again. */
const CACHED_SESSIONS = 100_000;
/** How long a remembered login is trusted without asking the store again, should news of its end ever be lost. */
const CACHED_SESSION_MAX_AGE_MS = 30_000;
const INVALID_REFRESH = 'Refresh token is invalid or expired; sign in again';
/** Ended logins, by id, on the invalidation channel. */
const SESSIONS_TOPIC = 'sessions';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function newRefreshToken(): string {
  return randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
}

/** The key that makes each refresh token's successor: from the JWT secret, which every instance shares. */
function successorKey(jwtSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', jwtSecret, '', 'refresh-token-successor', 32));
}

/**
 * Access and refresh tokens. Each login is a session (a refresh-token family); access tokens name
 * their session, so ending a session stops its access tokens at once, not when they expire.
 */
@Injectable()
export class TokensService implements OnModuleInit, OnModuleDestroy {
  private sweepTimer?: NodeJS.Timeout;
  private readonly cache = new RememberedEntries<RefreshSession>(CACHED_SESSIONS, CACHED_SESSION_MAX_AGE_MS);
  private readonly successorKey: Buffer;

  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly transactions: Transactions,
    private readonly invalidations: CacheInvalidations,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    invalidations.register(SESSIONS_TOPIC, { forget: (sessionIds) => this.cache.forget(sessionIds), forgetAll: () => this.cache.forgetAll() });
    this.successorKey = successorKey(config.jwtSecret);
  }

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => void this.sweepExpired().catch(() => undefined), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
  }

  async startSession(userId: string): Promise<TokenPairDto> {
    const now = this.clock.now();
    const sessionId = randomBytes(16).toString('base64url');
    const refreshToken = newRefreshToken();
    await this.refreshTokens.createSession({ id: sessionId, userId, createdAt: now, expiresAt: now + this.config.refreshTtlSeconds * 1000 }, hashToken(refreshToken));
    return { jwt: await this.accessToken(userId, sessionId), refreshToken, profileId: null };
  }

  /** Makes the login speak for `profileId` (refreshes keep it) and returns an access token bound to it. */
  async selectProfile(userId: string, sessionId: string, profileId: string): Promise<string> {
    if (!(await this.refreshTokens.setSessionProfile(sessionId, profileId))) throw new UnauthorizedException('This session has ended; sign in again');
    // The session as remembered no longer says which profile it speaks for.
    await this.invalidations.invalidate(SESSIONS_TOPIC, [sessionId]);
    return this.accessToken(userId, sessionId, profileId);
  }

  /**
   * The logins that chose this profile stay signed in with no profile chosen: their access tokens
   * name a profile that no longer exists, so the guard refuses them, and the refresh that follows
   * says `profileId: null`, which sends those devices back to "Who's watching?".
   */
  async releaseProfileSessions(profileId: string): Promise<void> {
    // Cached copies of those logins still name the profile: dropped everywhere once this commits.
    await this.revokeAfterCommit(await this.refreshTokens.forgetProfileChoice(profileId));
  }

  /**
   * Exchanges a refresh token for a new pair. The same token presented again within the grace period,
   * before its successor is used, gets the same successor (two tabs refreshing at once, a retry after
   * a lost answer); any other second use ends its whole login.
   */
  async rotate(refreshToken: string): Promise<TokenPairDto> {
    const next = this.successorOf(refreshToken);
    const result = await this.refreshTokens.rotate(hashToken(refreshToken), hashToken(next), this.clock.now(), this.config.refreshGraceSeconds * 1000);
    switch (result.outcome) {
      case 'rotated':
      case 'repeated':
        return {
          jwt: await this.accessToken(result.session.userId, result.session.id, result.session.profileId),
          refreshToken: next,
          profileId: result.session.profileId ?? null,
        };
      case 'reused':
        // A rotated token came back: it was copied. The login is over for thief and owner alike.
        await this.revokeAfterCommit([result.sessionId]);
        throw new UnauthorizedException('Refresh token was already used; this login has been ended for safety');
      case 'expired':
        await this.revokeAfterCommit([result.sessionId]);
        throw new UnauthorizedException(INVALID_REFRESH);
      case 'unknown':
        throw new UnauthorizedException(INVALID_REFRESH);
    }
  }

  /** Ends the login a refresh token belongs to; unknown tokens are ignored (logout is idempotent). */
  async endSessionOf(refreshToken: string): Promise<void> {
    const sessionId = await this.refreshTokens.sessionOfToken(hashToken(refreshToken));
    if (sessionId === undefined) return;
    await this.refreshTokens.deleteSession(sessionId);
    await this.revokeAfterCommit([sessionId]);
  }

  /**
   * Ends every login of a user but `keepSessionId`; their access tokens stop on every instance once
   * this resolves (inside a transaction: once the transaction's `run` does).
   */
  async endAllSessions(userId: string, keepSessionId?: string): Promise<void> {
    await this.revokeAfterCommit(await this.refreshTokens.deleteUserSessions(userId, keepSessionId));
  }

  async isSessionActive(claims: AccessTokenClaims): Promise<boolean> {
    const remembered = this.sessionActiveFromMemory(claims);
    if (remembered !== undefined) return remembered;
    const ticket = this.cache.ticket();
    const session = await this.refreshTokens.findSession(claims.sid);
    if (session) this.cache.remember(ticket, session.id, session);
    return this.isLive(session, claims);
  }

  /**
   * The same answer as `isSessionActive` when this instance remembers the login (the common case),
   * without a promise: the guard then decides synchronously. `undefined` when the store must be asked.
   */
  sessionActiveFromMemory(claims: AccessTokenClaims): boolean | undefined {
    const session = this.invalidations.trusted ? this.cache.get(claims.sid) : undefined;
    return session === undefined ? undefined : this.isLive(session, claims);
  }

  private isLive(session: RefreshSession | undefined, claims: AccessTokenClaims): boolean {
    return session !== undefined && session.userId === claims.sub && session.expiresAt > this.clock.now();
  }

  /** Sessions held in the store, live or awaiting the sweep. */
  sessionCount(): Promise<number> {
    return this.refreshTokens.countSessions();
  }

  sweepExpired(): Promise<number> {
    return this.refreshTokens.deleteExpired(this.clock.now());
  }

  private revokeAfterCommit(sessionIds: string[]): Promise<void> {
    return sessionIds.length === 0 ? Promise.resolve() : this.transactions.afterCommit(() => this.invalidations.invalidate(SESSIONS_TOPIC, sessionIds));
  }

  /**
   * A token's successor is derived from it (HMAC under a server key) rather than drawn at random, so
   * a repeated exchange can hand back the same successor without the server keeping it readable.
   * Without the key, a token says nothing about its successor.
   */
  private successorOf(refreshToken: string): string {
    return createHmac('sha256', this.successorKey).update(refreshToken).digest('base64url');
  }

  private accessToken(userId: string, sessionId: string, profileId?: string): Promise<string> {
    const claims: AccessTokenClaims = { sub: userId, sid: sessionId, ...(profileId ? { pid: profileId } : {}) };
    return this.jwt.signAsync(claims);
  }
}
