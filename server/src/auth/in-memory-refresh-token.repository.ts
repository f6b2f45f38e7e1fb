import { Injectable } from '@nestjs/common';
import { RefreshSession, StoredRefreshToken } from './refresh-session';
import { RefreshTokenRepository } from './refresh-token.repository';

@Injectable()
export class InMemoryRefreshTokenRepository extends RefreshTokenRepository {
  private readonly sessions = new Map<string, RefreshSession>();
  private readonly sessionIdsByUser = new Map<string, Set<string>>();
  private readonly tokens = new Map<string, StoredRefreshToken>();
  private readonly tokenHashesBySession = new Map<string, Set<string>>();

  async createSession(session: RefreshSession): Promise<void> {
    this.sessions.set(session.id, { ...session });
    let ids = this.sessionIdsByUser.get(session.userId);
    if (!ids) this.sessionIdsByUser.set(session.userId, (ids = new Set()));
    ids.add(session.id);
  }

  async findSession(sessionId: string): Promise<RefreshSession | undefined> {
    const session = this.sessions.get(sessionId);
    return session && { ...session };
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.forget(sessionId);
  }

  async deleteUserSessions(userId: string, keepSessionId?: string): Promise<void> {
    for (const sessionId of [...(this.sessionIdsByUser.get(userId) ?? [])]) {
      if (sessionId !== keepSessionId) this.forget(sessionId);
    }
  }

  async addToken(token: StoredRefreshToken): Promise<void> {
    if (!this.sessions.has(token.sessionId)) return;
    this.tokens.set(token.tokenHash, { ...token });
    let hashes = this.tokenHashesBySession.get(token.sessionId);
    if (!hashes) this.tokenHashesBySession.set(token.sessionId, (hashes = new Set()));
    hashes.add(token.tokenHash);
  }

  async findToken(tokenHash: string): Promise<StoredRefreshToken | undefined> {
    const token = this.tokens.get(tokenHash);
    return token && { ...token };
  }

  async markRotated(tokenHash: string): Promise<boolean> {
    const token = this.tokens.get(tokenHash);
    if (!token || token.rotated) return false;
    token.rotated = true;
    return true;
  }

  async deleteExpired(now: number): Promise<number> {
    let count = 0;
    for (const session of this.sessions.values()) {
      if (session.expiresAt <= now) {
        this.forget(session.id);
        count++;
      }
    }
    return count;
  }

  async countSessions(): Promise<number> {
    return this.sessions.size;
  }

  private forget(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    const userSessions = this.sessionIdsByUser.get(session.userId);
    userSessions?.delete(sessionId);
    if (userSessions?.size === 0) this.sessionIdsByUser.delete(session.userId);
    for (const hash of this.tokenHashesBySession.get(sessionId) ?? []) this.tokens.delete(hash);
    this.tokenHashesBySession.delete(sessionId);
  }
}
