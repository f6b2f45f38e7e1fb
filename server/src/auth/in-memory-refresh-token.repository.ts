import { Injectable } from '@nestjs/common';
import { RefreshSession, RotationOutcome } from './refresh-session';
import { RefreshTokenRepository } from './refresh-token.repository';

interface StoredToken {
  sessionId: string;
  /** When it was exchanged; undefined while it is the live token. */
  rotatedAt?: number;
}

/** Each method runs to completion without awaiting, so each is atomic on the one event loop. */
@Injectable()
export class InMemoryRefreshTokenRepository extends RefreshTokenRepository {
  private readonly sessions = new Map<string, RefreshSession>();
  private readonly sessionIdsByUser = new Map<string, Set<string>>();
  private readonly tokens = new Map<string, StoredToken>();
  private readonly tokenHashesBySession = new Map<string, Set<string>>();

  async createSession(session: RefreshSession, firstTokenHash: string): Promise<void> {
    this.sessions.set(session.id, { ...session });
    let ids = this.sessionIdsByUser.get(session.userId);
    if (!ids) this.sessionIdsByUser.set(session.userId, (ids = new Set()));
    ids.add(session.id);
    this.addToken(firstTokenHash, session.id);
  }

  async findSession(sessionId: string): Promise<RefreshSession | undefined> {
    const session = this.sessions.get(sessionId);
    return session && { ...session };
  }

  async rotate(tokenHash: string, successorHash: string, now: number, graceMs: number): Promise<RotationOutcome> {
    const token = this.tokens.get(tokenHash);
    const session = token && this.sessions.get(token.sessionId);
    if (!token || !session) return { outcome: 'unknown' };
    if (session.expiresAt <= now) {
      this.forget(session.id);
      return { outcome: 'expired', sessionId: session.id };
    }
    if (token.rotatedAt !== undefined) {
      const successor = this.tokens.get(successorHash);
      if (now < token.rotatedAt + graceMs && successor?.sessionId === session.id && successor.rotatedAt === undefined) return { outcome: 'repeated', session: { ...session } };
      this.forget(session.id);
      return { outcome: 'reused', sessionId: session.id };
    }
    token.rotatedAt = now;
    this.addToken(successorHash, session.id);
    return { outcome: 'rotated', session: { ...session } };
  }

  async sessionOfToken(tokenHash: string): Promise<string | undefined> {
    return this.tokens.get(tokenHash)?.sessionId;
  }

  async setSessionProfile(sessionId: string, profileId: string): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    if (!session) return false;
    session.profileId = profileId;
    return true;
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.forget(sessionId);
  }

  async forgetProfileChoice(profileId: string): Promise<string[]> {
    const released = [...this.sessions.values()].filter((session) => session.profileId === profileId);
    for (const session of released) delete session.profileId;
    return released.map((session) => session.id);
  }

  async deleteUserSessions(userId: string, keepSessionId?: string): Promise<string[]> {
    const ended = [...(this.sessionIdsByUser.get(userId) ?? [])].filter((sessionId) => sessionId !== keepSessionId);
    for (const sessionId of ended) this.forget(sessionId);
    return ended;
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

  private addToken(tokenHash: string, sessionId: string): void {
    this.tokens.set(tokenHash, { sessionId });
    let hashes = this.tokenHashesBySession.get(sessionId);
    if (!hashes) this.tokenHashesBySession.set(sessionId, (hashes = new Set()));
    hashes.add(tokenHash);
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
