import { Injectable } from '@nestjs/common';
import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { SequencedPage } from '../common/paging/sequenced-page';
import { DatabaseClient } from '../database/database-client';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { rowsOf } from '../database/orm';
import { episodeProgress } from './episode-progress.schema';
import { ProgressRepository, ProgressSave } from './progress.repository';
import { viewingProgress } from './viewing-progress.schema';
import { EpisodeProgress, ViewingProgress } from './viewing-progress';

/** Saves written by one statement at most; a busy moment's heartbeats are split into batches of this size. */
const MAX_BATCH = 500;

interface PendingSave {
  progress: ViewingProgress;
  resolve(result: ProgressSave): void;
  reject(error: unknown): void;
}

/** What one save writes: a title's entry, or for an episode the episode's own entry (its title's goes with it). */
function keyOf(progress: Pick<ViewingProgress, 'profileId' | 'titleId' | 'episodeId'>): string {
  return `${progress.profileId}\u0000${progress.titleId}\u0000${progress.episodeId ?? ''}`;
}

function toProgress(row: typeof viewingProgress.$inferSelect): ViewingProgress {
  const progress: ViewingProgress = { profileId: row.profileId, titleId: row.titleId, position: row.position, duration: row.duration, completed: row.completed, updatedAt: row.updatedAt.getTime() };
  if (row.episodeId !== null) progress.episodeId = row.episodeId;
  return progress;
}

function toEpisodeProgress(row: typeof episodeProgress.$inferSelect): EpisodeProgress {
  return { profileId: row.profileId, titleId: row.titleId, episodeId: row.episodeId, position: row.position, duration: row.duration, completed: row.completed, updatedAt: row.updatedAt.getTime() };
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

  async findEpisode(profileId: string, episodeId: string): Promise<EpisodeProgress | undefined> {
    const [row] = await this.database.orm().select().from(episodeProgress).where(and(eq(episodeProgress.profileId, profileId), eq(episodeProgress.episodeId, episodeId)));
    return row && toEpisodeProgress(row);
  }

  async listEpisodes(profileId: string, titleId: string): Promise<EpisodeProgress[]> {
    const rows = await this.database
      .orm()
      .select()
      .from(episodeProgress)
      .where(and(eq(episodeProgress.profileId, profileId), eq(episodeProgress.titleId, titleId)))
      .orderBy(desc(episodeProgress.updatedAt), asc(episodeProgress.episodeId));
    return rows.map(toEpisodeProgress);
  }

  async delete(profileId: string, titleId: string): Promise<void> {
    // One statement, so the title and its episodes are forgotten together.
    await this.database.orm().execute(sql`
      with forgotten_episodes as (
        delete from ${episodeProgress} where ${episodeProgress.profileId} = ${profileId} and ${episodeProgress.titleId} = ${titleId})
      delete from ${viewingProgress} where ${viewingProgress.profileId} = ${profileId} and ${viewingProgress.titleId} = ${titleId}`);
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
   * One statement for all of `saves` (distinct by what they write, see keyOf): each episode's entry is
   * written unless the stored one is newer; each title's entry takes the newest of its saves unless
   * the stored one is newer. The completed flag of the entry each replaced comes back with it.
   */
  private async writeNow(saves: ViewingProgress[]): Promise<ProgressSave[]> {
    const orm = this.database.orm();
    const input = JSON.stringify(
      saves.map((save, order) => ({
        profile_id: save.profileId,
        title_id: save.titleId,
        episode_id: save.episodeId ?? null,
        position: save.position,
        duration: save.duration,
        completed: save.completed,
        updated_at: new Date(save.updatedAt).toISOString(),
        arrival: order,
      })),
    );
    const rows = await rowsOf<{ kind: 'title' | 'episode'; profile_id: string; id: string; was_completed: boolean }>(
      orm,
      sql`with input as (
            select * from jsonb_to_recordset(${input}::jsonb)
              as given(profile_id text, title_id text, episode_id text, position double precision, duration double precision, completed boolean, updated_at timestamptz, arrival integer)),
          title_input as (
            select distinct on (profile_id, title_id) * from input order by profile_id, title_id, updated_at desc, arrival desc),
          previous as (
            select stored.profile_id, stored.title_id, stored.completed from ${viewingProgress} stored
            join title_input on stored.profile_id = title_input.profile_id and stored.title_id = title_input.title_id),
          previous_episodes as (
            select stored.profile_id, stored.episode_id, stored.completed from ${episodeProgress} stored
            join input on stored.profile_id = input.profile_id and stored.episode_id = input.episode_id),
          written_episodes as (
            insert into ${episodeProgress} as target (profile_id, episode_id, title_id, position, duration, completed, updated_at)
            select profile_id, episode_id, title_id, position, duration, completed, updated_at from input where episode_id is not null
            on conflict (profile_id, episode_id) do update set
              position = excluded.position, duration = excluded.duration, completed = excluded.completed, updated_at = excluded.updated_at
            where target.updated_at <= excluded.updated_at
            returning target.profile_id, target.episode_id,
              coalesce((select previous_episodes.completed from previous_episodes
                where previous_episodes.profile_id = target.profile_id and previous_episodes.episode_id = target.episode_id), false) as was_completed),
          written_titles as (
            insert into ${viewingProgress} as target (profile_id, title_id, episode_id, position, duration, completed, updated_at)
            select profile_id, title_id, episode_id, position, duration, completed, updated_at from title_input
            on conflict (profile_id, title_id) do update set
              episode_id = excluded.episode_id, position = excluded.position, duration = excluded.duration, completed = excluded.completed,
              updated_at = excluded.updated_at, seq = nextval('activity_seq')
            where target.updated_at <= excluded.updated_at
            returning target.profile_id, target.title_id,
              coalesce((select previous.completed from previous where previous.profile_id = target.profile_id and previous.title_id = target.title_id), false) as was_completed)
          select 'title' as kind, profile_id, title_id as id, was_completed from written_titles
          union all
          select 'episode' as kind, profile_id, episode_id as id, was_completed from written_episodes`,
    );
    const written = new Map(rows.map((row) => [`${row.kind}\u0000${row.profile_id}\u0000${row.id}`, row.was_completed]));
    const results: ProgressSave[] = [];
    for (const save of saves) {
      const wasCompleted = written.get(save.episodeId === undefined ? `title\u0000${save.profileId}\u0000${save.titleId}` : `episode\u0000${save.profileId}\u0000${save.episodeId}`);
      if (wasCompleted !== undefined) {
        results.push({ saved: true, wasCompleted });
        continue;
      }
      // Not written: a newer heartbeat was stored already; what it says about completion is the answer.
      const stored = save.episodeId === undefined ? await this.find(save.profileId, save.titleId) : await this.findEpisode(save.profileId, save.episodeId);
      results.push({ saved: false, wasCompleted: stored?.completed ?? false });
    }
    return results;
  }
}
