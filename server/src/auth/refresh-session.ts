/** One login: the family that every refresh token rotated from that login belongs to. */
export interface RefreshSession {
  id: string;
  userId: string;
  createdAt: number;
  /** Absolute end of the login; rotation never extends it. */
  expiresAt: number;
  /** The profile chosen in this login, which every access token it issues speaks for; none until one is chosen. */
  profileId?: string;
}

/** What presenting a refresh token led to. */
export type RotationOutcome =
  /** The token was live and unused: it is now used, and its successor belongs to the same login. */
  | { outcome: 'rotated'; session: RefreshSession }
  /**
   * The token was exchanged moments ago (within the grace period) and its successor is still unused:
   * the same exchange asked again (two tabs at once, a retried request). The successor stands.
   */
  | { outcome: 'repeated'; session: RefreshSession }
  /** The token had been used already, outside the grace period or after its successor: it was copied, so its login has been ended. */
  | { outcome: 'reused'; sessionId: string }
  /** The login had passed its absolute expiry; it has been ended. */
  | { outcome: 'expired'; sessionId: string }
  /** No such token: never issued, or its login has ended. */
  | { outcome: 'unknown' };
