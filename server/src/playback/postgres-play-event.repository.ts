import { Injectable } from '@nestjs/common';
import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { NewPlayEvent, PlayEvent } from './play-event';
import { PlayEventRepository, ReplayFrom } from './play-event.repository';
import { rowsOf } from '../database/orm';
import { playEvents } from './play-events.schema';

/** The channel a PostgreSQL server announces every stored play event on. */
export const PLAY_EVENTS_CHANNEL = 'play_events';

function toEvent(row: typeof playEvents.$inferSelect): PlayEvent {
  return { seq: row.seq, profileId: row.profileId, titleId: row.titleId, kind: row.kind, occurredAt: row.occurredAt.getTime() };
}

@Injectable()
export class PostgresPlayEventRepository extends PlayEventRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async append(event: NewPlayEvent): Promise<PlayEvent> {
    if (this.database.kind === 'postgres') return this.appendAndNotify(event);
    const [row] = await this.database
      .orm()
      .insert(playEvents)
      .values({ profileId: event.profileId, titleId: event.titleId, kind: event.kind, occurredAt: new Date(event.occurredAt) })
      .returning();
    return toEvent(row);
  }

  async replay({ occurredSince, afterSeq = 0 }: ReplayFrom, visit: (events: PlayEvent[]) => void | Promise<void>, batchSize = 5_000): Promise<void> {
    for (let after = afterSeq; ; ) {
      const rows = await this.database
        .orm()
        .select()
        .from(playEvents)
        .where(and(gt(playEvents.seq, after), occurredSince === undefined ? undefined : gte(playEvents.occurredAt, new Date(occurredSince))))
        .orderBy(asc(playEvents.seq))
        .limit(batchSize);
      if (rows.length > 0) await visit(rows.map(toEvent));
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /**
   * On a PostgreSQL server other instances follow the log: the event is announced on the
   * `play_events` channel by the statement that stores it, so the news goes out exactly when it
   * commits, never for an event that did not.
   */
  private async appendAndNotify(event: NewPlayEvent): Promise<PlayEvent> {
    const [row] = await rowsOf<{ seq: string | number }>(
      this.database.orm(),
      sql`with stored as (
            insert into ${playEvents} (profile_id, title_id, kind, occurred_at)
            values (${event.profileId}, ${event.titleId}, ${event.kind}, ${new Date(event.occurredAt).toISOString()}::timestamptz)
            returning seq)
          select seq, pg_notify(${PLAY_EVENTS_CHANNEL}, json_build_object('seq', seq, 'profileId', ${event.profileId}::text, 'titleId', ${event.titleId}::text, 'kind', ${event.kind}::text, 'occurredAt', ${event.occurredAt}::bigint)::text)
          from stored`,
    );
    return { ...event, seq: Number(row.seq) };
  }

  async recentEngagements(profileId: string, limit: number, beforeSeq: number): Promise<{ titleId: string; kind: PlayEvent['kind'] }[]> {
    const rows = await this.database
      .orm()
      .select({
        titleId: playEvents.titleId,
        completed: sql<boolean>`bool_or(${playEvents.kind} = 'complete')`,
        latest: sql<number>`max(${playEvents.seq})`,
      })
      .from(playEvents)
      .where(and(eq(playEvents.profileId, profileId), lt(playEvents.seq, beforeSeq)))
      .groupBy(playEvents.titleId)
      .orderBy(sql`max(${playEvents.seq}) desc`)
      .limit(limit);
    return rows.map((row) => ({ titleId: row.titleId, kind: row.completed ? 'complete' : 'play' }));
  }
}
