import { Injectable } from '@nestjs/common';
import { and, count, eq, lte, ne } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { loginSessions, refreshTokens } from './login-sessions.schema';
import { RefreshSession, RotationOutcome } from './refresh-session';
import { RefreshTokenRepository } from './refresh-token.repository';

function toSession(row: typeof loginSessions.$inferSelect): RefreshSession {
  return { id: row.id, userId: row.userId, createdAt: row.createdAt.getTime(), expiresAt: row.expiresAt.getTime(), ...(row.profileId ? { profileId: row.profileId } : {}) };
}

@Injectable()
export class PostgresRefreshTokenRepository extends RefreshTokenRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  createSession(session: RefreshSession, firstTokenHash: string): Promise<void> {
    return this.database.transaction(async () => {
      const orm = this.database.orm();
      await orm.insert(loginSessions).values({ id: session.id, userId: session.userId, createdAt: new Date(session.createdAt), expiresAt: new Date(session.expiresAt), profileId: session.profileId ?? null });
      await orm.insert(refreshTokens).values({ tokenHash: firstTokenHash, sessionId: session.id });
    });
  }

  async findSession(sessionId: string): Promise<RefreshSession | undefined> {
    const [row] = await this.database.orm().select().from(loginSessions).where(eq(loginSessions.id, sessionId));
    return row && toSession(row);
  }

  rotate(tokenHash: string, successorHash: string, now: number, graceMs: number): Promise<RotationOutcome> {
    return this.database.transaction(async () => {
      const orm = this.database.orm();
      const [token] = await orm.select({ sessionId: refreshTokens.sessionId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
      if (!token) return { outcome: 'unknown' } as const;
      // The login's row first, then the token's: the order in which ending a login (a cascading
      // delete) takes them, so concurrent exchanges and ends queue up instead of deadlocking.
      const [sessionRow] = await orm.select().from(loginSessions).where(eq(loginSessions.id, token.sessionId)).for('update');
      const [found] = sessionRow ? await orm.select({ rotatedAt: refreshTokens.rotatedAt }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update') : [];
      if (!sessionRow || !found) return { outcome: 'unknown' } as const;
      const session = toSession(sessionRow);
      if (session.expiresAt <= now) {
        await orm.delete(loginSessions).where(eq(loginSessions.id, session.id));
        return { outcome: 'expired', sessionId: session.id } as const;
      }
      if (found.rotatedAt) {
        if (now < found.rotatedAt.getTime() + graceMs) {
          const [successor] = await orm
            .select({ rotatedAt: refreshTokens.rotatedAt })
            .from(refreshTokens)
            .where(and(eq(refreshTokens.tokenHash, successorHash), eq(refreshTokens.sessionId, session.id)));
          if (successor && successor.rotatedAt === null) return { outcome: 'repeated', session } as const;
        }
        await orm.delete(loginSessions).where(eq(loginSessions.id, session.id));
        return { outcome: 'reused', sessionId: session.id } as const;
      }
      await orm.update(refreshTokens).set({ rotatedAt: new Date(now) }).where(eq(refreshTokens.tokenHash, tokenHash));
      await orm.insert(refreshTokens).values({ tokenHash: successorHash, sessionId: session.id });
      return { outcome: 'rotated', session } as const;
    });
  }

  async sessionOfToken(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.database.orm().select({ sessionId: refreshTokens.sessionId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    return row?.sessionId;
  }

  async setSessionProfile(sessionId: string, profileId: string): Promise<boolean> {
    const updated = await this.database.orm().update(loginSessions).set({ profileId }).where(eq(loginSessions.id, sessionId)).returning({ id: loginSessions.id });
    return updated.length === 1;
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.database.orm().delete(loginSessions).where(eq(loginSessions.id, sessionId));
  }

  async forgetProfileChoice(profileId: string): Promise<string[]> {
    const released = await this.database.orm().update(loginSessions).set({ profileId: null }).where(eq(loginSessions.profileId, profileId)).returning({ id: loginSessions.id });
    return released.map((row) => row.id);
  }

  async deleteUserSessions(userId: string, keepSessionId?: string): Promise<string[]> {
    const condition = keepSessionId === undefined ? eq(loginSessions.userId, userId) : and(eq(loginSessions.userId, userId), ne(loginSessions.id, keepSessionId));
    const ended = await this.database.orm().delete(loginSessions).where(condition).returning({ id: loginSessions.id });
    return ended.map((row) => row.id);
  }

  async deleteExpired(now: number): Promise<number> {
    const ended = await this.database.orm().delete(loginSessions).where(lte(loginSessions.expiresAt, new Date(now))).returning({ id: loginSessions.id });
    return ended.length;
  }

  async countSessions(): Promise<number> {
    const [row] = await this.database.orm().select({ sessions: count() }).from(loginSessions);
    return Number(row?.sessions ?? 0);
  }
}
