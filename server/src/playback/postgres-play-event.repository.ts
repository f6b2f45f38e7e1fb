import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { NewPlayEvent, PlayEvent } from './play-event';
import { PlayEventRepository } from './play-event.repository';
import { playEvents } from './play-events.schema';

function toEvent(row: typeof playEvents.$inferSelect): PlayEvent {
  return { seq: row.seq, userId: row.userId, titleId: row.titleId, kind: row.kind, occurredAt: row.occurredAt.getTime() };
}

@Injectable()
export class PostgresPlayEventRepository extends PlayEventRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async append(event: NewPlayEvent): Promise<PlayEvent> {
    const [row] = await this.database
      .orm()
      .insert(playEvents)
      .values({ userId: event.userId, titleId: event.titleId, kind: event.kind, occurredAt: new Date(event.occurredAt) })
      .returning();
    return toEvent(row);
  }

  async replay(since: number, visit: (events: PlayEvent[]) => void | Promise<void>, batchSize = 5_000): Promise<void> {
    for (let after = 0; ; ) {
      const rows = await this.database
        .orm()
        .select()
        .from(playEvents)
        .where(and(gt(playEvents.seq, after), gte(playEvents.occurredAt, new Date(since))))
        .orderBy(asc(playEvents.seq))
        .limit(batchSize);
      if (rows.length > 0) await visit(rows.map(toEvent));
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  async recentEngagements(userId: string, limit: number, beforeSeq: number): Promise<{ titleId: string; kind: PlayEvent['kind'] }[]> {
    const rows = await this.database
      .orm()
      .select({
        titleId: playEvents.titleId,
        completed: sql<boolean>`bool_or(${playEvents.kind} = 'complete')`,
        latest: sql<number>`max(${playEvents.seq})`,
      })
      .from(playEvents)
      .where(and(eq(playEvents.userId, userId), lt(playEvents.seq, beforeSeq)))
      .groupBy(playEvents.titleId)
      .orderBy(sql`max(${playEvents.seq}) desc`)
      .limit(limit);
    return rows.map((row) => ({ titleId: row.titleId, kind: row.completed ? 'complete' : 'play' }));
  }
}
