/** One login: the family that every refresh token rotated from that login belongs to. */
export interface RefreshSession {
  id: string;
  userId: string;
  createdAt: number;
  /** Absolute end of the login; rotation never extends it. */
  expiresAt: number;
}

/** A refresh token as stored: only its hash, its session, and whether it was already used. */
export interface StoredRefreshToken {
  tokenHash: string;
  sessionId: string;
  rotated: boolean;
}
