import { RefreshSession, RotationOutcome } from './refresh-session';

/**
 * Logins (token families) and their refresh tokens, stored by hash. Each method is one atomic step:
 * no interleaving of concurrent calls can leave a token in a login that has ended, or let one token
 * be exchanged twice.
 */
export abstract class RefreshTokenRepository {
  /** Starts a login with its first token. The user must exist. */
  abstract createSession(session: RefreshSession, firstTokenHash: string): Promise<void>;
  abstract findSession(sessionId: string): Promise<RefreshSession | undefined>;
  /**
   * Exchanges a token for its successor in one step. The successor is always the same for a given
   * token (the caller derives it), so an exchange repeated within `graceMs` of the first, while the
   * successor is unused, is `repeated`; any other second exchange is `reused` and ends the login. Of
   * two concurrent exchanges one is `rotated`, the other `repeated` (or `reused` with no grace). A
   * token of a login that has just ended is `unknown`.
   */
  abstract rotate(tokenHash: string, successorHash: string, now: number, graceMs: number): Promise<RotationOutcome>;
  /** The login a token belongs to, used or not; undefined once that login has ended. */
  abstract sessionOfToken(tokenHash: string): Promise<string | undefined>;
  /** Makes the login speak for this profile from now on; false when the login has ended. */
  abstract setSessionProfile(sessionId: string, profileId: string): Promise<boolean>;
  /** Ends a login: it and all of its tokens are forgotten. Idempotent. */
  abstract deleteSession(sessionId: string): Promise<void>;
  /** The logins that chose this profile go back to having chosen none; returns their ids. */
  abstract forgetProfileChoice(profileId: string): Promise<string[]>;
  /** Ends every login of a user, optionally keeping one (the caller's own); returns the ids ended. */
  abstract deleteUserSessions(userId: string, keepSessionId?: string): Promise<string[]>;
  /** Forgets logins whose absolute expiry is at or before `now`; returns how many. */
  abstract deleteExpired(now: number): Promise<number>;
  /** How many logins are held, expired or not: what the sweep keeps bounded. */
  abstract countSessions(): Promise<number>;
}
