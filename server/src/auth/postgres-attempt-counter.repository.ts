import { Injectable } from '@nestjs/common';
import { and, count, eq, gt, lte, sql } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { attemptCounters } from './attempt-counters.schema';
import { AttemptCounterRepository, AttemptWindow } from './attempt-counter.repository';

@Injectable()
export class PostgresAttemptCounterRepository extends AttemptCounterRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async hit(key: string, windowMs: number, now: number): Promise<AttemptWindow> {
    const at = new Date(now);
    const closed = sql`${attemptCounters.endsAt} <= ${at.toISOString()}::timestamptz`;
    // One statement, so concurrent hits each count: a closed window starts again at one.
    const [row] = await this.database
      .orm()
      .insert(attemptCounters)
      .values({ key, count: 1, endsAt: new Date(now + windowMs) })
      .onConflictDoUpdate({
        target: attemptCounters.key,
        set: {
          count: sql`case when ${closed} then 1 else ${attemptCounters.count} + 1 end`,
          endsAt: sql`case when ${closed} then excluded.ends_at else ${attemptCounters.endsAt} end`,
        },
      })
      .returning({ count: attemptCounters.count, endsAt: attemptCounters.endsAt });
    return { count: row.count, endsAt: row.endsAt.getTime() };
  }

  async peek(key: string, now: number): Promise<AttemptWindow | undefined> {
    const [row] = await this.database
      .orm()
      .select({ count: attemptCounters.count, endsAt: attemptCounters.endsAt })
      .from(attemptCounters)
      .where(and(eq(attemptCounters.key, key), gt(attemptCounters.endsAt, new Date(now))));
    return row && { count: row.count, endsAt: row.endsAt.getTime() };
  }

  async clear(key: string): Promise<void> {
    await this.database.orm().delete(attemptCounters).where(eq(attemptCounters.key, key));
  }

  async deleteExpired(now: number): Promise<number> {
    const removed = await this.database.orm().delete(attemptCounters).where(lte(attemptCounters.endsAt, new Date(now))).returning({ key: attemptCounters.key });
    return removed.length;
  }

  async count(): Promise<number> {
    const [row] = await this.database.orm().select({ keys: count() }).from(attemptCounters);
    return Number(row?.keys ?? 0);
  }
}
