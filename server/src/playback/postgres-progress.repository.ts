import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { SequencedPage } from '../common/paging/sequenced-page';
import { DatabaseClient } from '../database/database-client';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { rowsOf } from '../database/orm';
import { ProgressRepository, ProgressSave } from './progress.repository';
import { viewingProgress } from './viewing-progress.schema';
import { ViewingProgress } from './viewing-progress';

/** Saves written by one statement at most; a busy moment's heartbeats are split into batches of this size. */
const MAX_BATCH = 500;

interface PendingSave {
  progress: ViewingProgress;
  resolve(result: ProgressSave): void;
  reject(error: unknown): void;
}

function keyOf(progress: Pick<ViewingProgress, 'profileId' | 'titleId'>): string {
  return `${progress.profileId}\u0000${progress.titleId}`;
}

function toProgress(row: typeof viewingProgress.$inferSelect): ViewingProgress {
  return { profileId: row.profileId, titleId: row.titleId, position: row.position, duration: row.duration, completed: row.completed, updatedAt: row.updatedAt.getTime() };
}

/**
 * Progress in PostgreSQL. Heartbeats are the hottest write, so saves that arrive while one is being
 * written are gathered and written together by the next statement (group commit): no waiting when
 * traffic is light, one statement for many viewers when it is heavy. Each caller still learns its own
 * outcome, only once its save has committed.
 */
@Injectable()
export class PostgresProgressRepository extends ProgressRepository {
  private queue: PendingSave[] = [];
  private writing = false;

  constructor(private readonly database: DatabaseClient) {
    super();
  }

  save(progress: ViewingProgress): Promise<ProgressSave> {
    // A save inside a unit of work belongs to that transaction, not to a shared batch.
    if (this.database.inTransaction()) return this.writeNow([progress]).then((results) => results[0]);
    return new Promise((resolve, reject) => {
      this.queue.push({ progress, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // Not at once: the other requests read in this turn of the event loop reach here first, so
      // they share the statement (the embedded database blocks the loop while it writes).
      setImmediate(() => void this.drain());
    });
  }

  async find(profileId: string, titleId: string): Promise<ViewingProgress | undefined> {
    const [row] = await this.database.orm().select().from(viewingProgress).where(and(eq(viewingProgress.profileId, profileId), eq(viewingProgress.titleId, titleId)));
    return row && toProgress(row);
  }

  async listByProfile(profileId: string): Promise<ViewingProgress[]> {
    const rows = await this.database.orm().select().from(viewingProgress).where(eq(viewingProgress.profileId, profileId)).orderBy(desc(viewingProgress.seq));
    return rows.map(toProgress);
  }

  async page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<ViewingProgress>> {
    const rows = await this.database
      .orm()
      .select()
      .from(viewingProgress)
      .where(and(eq(viewingProgress.profileId, profileId), after === null ? undefined : lt(viewingProgress.seq, after)))
      .orderBy(desc(viewingProgress.seq))
      .limit(limit + 1);
    return { entries: rows.slice(0, limit).map((row) => ({ ...toProgress(row), seq: row.seq })), more: rows.length > limit };
  }

  async delete(profileId: string, titleId: string): Promise<void> {
    await this.database.orm().delete(viewingProgress).where(and(eq(viewingProgress.profileId, profileId), eq(viewingProgress.titleId, titleId)));
  }

  /** Writes what has queued up, a batch at a time, until nothing is left. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.writeBatch(batch);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeBatch(batch: PendingSave[]): Promise<void> {
    // Within one batch the newest save of a viewer and title wins (by time, then arrival); the
    // others are superseded, as they would have been one statement later.
    const newest = new Map<string, PendingSave>();
    const superseded: PendingSave[] = [];
    for (const pending of batch) {
      const key = keyOf(pending.progress);
      const kept = newest.get(key);
      if (kept && kept.progress.updatedAt > pending.progress.updatedAt) {
        superseded.push(pending);
        continue;
      }
      if (kept) superseded.push(kept);
      newest.set(key, pending);
    }
    const written = [...newest.values()];
    let results: ProgressSave[];
    try {
      results = await this.writeNow(written.map((pending) => pending.progress));
    } catch (error) {
      if (written.length === 1 || isDatabaseUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // One bad save must not fail its neighbours: write each on its own, each with its own outcome.
      for (const pending of written) await this.writeNow([pending.progress]).then((one) => pending.resolve(one[0]), pending.reject);
      for (const pending of superseded) pending.resolve({ saved: false, wasCompleted: newest.get(keyOf(pending.progress))?.progress.completed ?? false });
      return;
    }
    written.forEach((pending, index) => pending.resolve(results[index]));
    for (const pending of superseded) pending.resolve({ saved: false, wasCompleted: newest.get(keyOf(pending.progress))?.progress.completed ?? false });
  }

  /**
   * One statement for all of `saves` (distinct viewer and title pairs): each row is written unless
   * the stored one is newer, and the completed flag of the row it replaced comes back with it.
   */
  private async writeNow(saves: ViewingProgress[]): Promise<ProgressSave[]> {
    const orm = this.database.orm();
    const input = JSON.stringify(
      saves.map((save) => ({ profile_id: save.profileId, title_id: save.titleId, position: save.position, duration: save.duration, completed: save.completed, updated_at: new Date(save.updatedAt).toISOString() })),
    );
    const rows = await rowsOf<{ profile_id: string; title_id: string; was_completed: boolean }>(
      orm,
      sql`with input as (
            select * from jsonb_to_recordset(${input}::jsonb)
              as given(profile_id text, title_id text, position double precision, duration double precision, completed boolean, updated_at timestamptz)),
          previous as (
            select stored.profile_id, stored.title_id, stored.completed from ${viewingProgress} stored
            join input on stored.profile_id = input.profile_id and stored.title_id = input.title_id)
          insert into ${viewingProgress} as target (profile_id, title_id, position, duration, completed, updated_at)
          select profile_id, title_id, position, duration, completed, updated_at from input
          on conflict (profile_id, title_id) do update set
            position = excluded.position, duration = excluded.duration, completed = excluded.completed,
            updated_at = excluded.updated_at, seq = nextval('activity_seq')
          where target.updated_at <= excluded.updated_at
          returning target.profile_id, target.title_id,
            coalesce((select previous.completed from previous where previous.profile_id = target.profile_id and previous.title_id = target.title_id), false) as was_completed`,
    );
    const savedByKey = new Map(rows.map((row) => [keyOf({ profileId: row.profile_id, titleId: row.title_id }), row.was_completed]));
    const results: ProgressSave[] = [];
    for (const save of saves) {
      const wasCompleted = savedByKey.get(keyOf(save));
      // Not written: a newer heartbeat was stored already; what it says about completion is the answer.
      results.push(wasCompleted !== undefined ? { saved: true, wasCompleted } : { saved: false, wasCompleted: (await this.find(save.profileId, save.titleId))?.completed ?? false });
    }
    return results;
  }
}
