import { RefreshSession, StoredRefreshToken } from './refresh-session';

/** Sessions (token families) and their refresh tokens, stored by hash. */
export abstract class RefreshTokenRepository {
  abstract createSession(session: RefreshSession): Promise<void>;
  abstract findSession(sessionId: string): Promise<RefreshSession | undefined>;
  /** Ends a session: it and all of its tokens are forgotten. */
  abstract deleteSession(sessionId: string): Promise<void>;
  /** Ends every session of a user, optionally keeping one (the caller's own). */
  abstract deleteUserSessions(userId: string, keepSessionId?: string): Promise<void>;
  abstract addToken(token: StoredRefreshToken): Promise<void>;
  abstract findToken(tokenHash: string): Promise<StoredRefreshToken | undefined>;
  /** Marks a token used; false when it had been used already (so of two racing refreshes one wins). */
  abstract markRotated(tokenHash: string): Promise<boolean>;
  /** Forgets sessions whose absolute expiry has passed; returns how many. */
  abstract deleteExpired(now: number): Promise<number>;
  /** How many sessions are held, expired or not: what the sweep keeps bounded. */
  abstract countSessions(): Promise<number>;
}
