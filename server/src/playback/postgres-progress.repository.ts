import { Injectable } from '@nestjs/common';
import { and, desc, eq, sql } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { rowsOf } from '../database/orm';
import { ProgressRepository, ProgressSave } from './progress.repository';
import { viewingProgress } from './viewing-progress.schema';
import { ViewingProgress } from './viewing-progress';

function toProgress(row: typeof viewingProgress.$inferSelect): ViewingProgress {
  return { userId: row.userId, titleId: row.titleId, position: row.position, duration: row.duration, completed: row.completed, updatedAt: row.updatedAt.getTime() };
}

@Injectable()
export class PostgresProgressRepository extends ProgressRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async save(progress: ViewingProgress): Promise<ProgressSave> {
    const updatedAt = new Date(progress.updatedAt).toISOString();
    // One statement: the row it replaces is read in the same snapshot it writes against, and a
    // heartbeat that arrives after a newer one leaves the newer position alone (no row comes back).
    const [row] = await rowsOf<{ was_completed: boolean | null }>(
      this.database.orm(),
      sql`with previous as (
            select ${viewingProgress.completed} as completed from ${viewingProgress}
            where ${viewingProgress.userId} = ${progress.userId} and ${viewingProgress.titleId} = ${progress.titleId})
          insert into ${viewingProgress} (user_id, title_id, position, duration, completed, updated_at)
          values (${progress.userId}, ${progress.titleId}, ${progress.position}, ${progress.duration}, ${progress.completed}, ${updatedAt}::timestamptz)
          on conflict (user_id, title_id) do update set
            position = excluded.position, duration = excluded.duration, completed = excluded.completed,
            updated_at = excluded.updated_at, seq = nextval('activity_seq')
          where ${viewingProgress}.updated_at <= excluded.updated_at
          returning (select completed from previous) as was_completed`,
    );
    if (row) return { saved: true, wasCompleted: row.was_completed === true };
    const stored = await this.find(progress.userId, progress.titleId);
    return { saved: false, wasCompleted: stored?.completed ?? false };
  }

  async find(userId: string, titleId: string): Promise<ViewingProgress | undefined> {
    const [row] = await this.database.orm().select().from(viewingProgress).where(and(eq(viewingProgress.userId, userId), eq(viewingProgress.titleId, titleId)));
    return row && toProgress(row);
  }

  async listByUser(userId: string): Promise<ViewingProgress[]> {
    const rows = await this.database.orm().select().from(viewingProgress).where(eq(viewingProgress.userId, userId)).orderBy(desc(viewingProgress.seq));
    return rows.map(toProgress);
  }

  async delete(userId: string, titleId: string): Promise<void> {
    await this.database.orm().delete(viewingProgress).where(and(eq(viewingProgress.userId, userId), eq(viewingProgress.titleId, titleId)));
  }
}
