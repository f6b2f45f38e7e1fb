import { sql } from 'drizzle-orm';
import { titles } from '../catalog/titles.schema';
import { DatabaseClient } from '../database/database-client';
import { Orm } from '../database/orm';
import { Episode } from './episode';
import { EpisodeRepository } from './episode.repository';
import { episodes } from './episodes.schema';
import { InMemoryEpisodeRepository } from './in-memory-episode.repository';
import { curatedEpisodes } from './series-seed';

/**
 * Adds the curated episodes the database lacks, in one statement; episodes already there are left
 * alone, and so are those of titles the catalog does not hold (a catalog seeded smaller than 100).
 */
export async function seedEpisodes(orm: Orm): Promise<void> {
  const rows = curatedEpisodes().map((episode) => ({
    id: episode.id,
    title_id: episode.titleId,
    season: episode.season,
    number: episode.number,
    name: episode.name,
    synopsis: episode.synopsis,
    runtime_minutes: episode.runtimeMinutes,
  }));
  await orm.execute(sql`
    insert into ${episodes} (id, title_id, season, number, name, synopsis, runtime_minutes)
    select seeded.id, seeded.title_id, seeded.season, seeded.number, seeded.name, seeded.synopsis, seeded.runtime_minutes
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as seeded(
      id text, title_id text, season integer, number integer, name text, synopsis text, runtime_minutes integer)
    where exists (select 1 from ${titles} where ${titles.id} = seeded.title_id)
    on conflict do nothing`);
}

/**
 * The episodes kept in PostgreSQL and served from an in-process read model loaded at start: like the
 * catalog, they change only by seeding, which happens before the model is loaded.
 */
export class PostgresEpisodeRepository extends EpisodeRepository {
  private constructor(private readonly model: InMemoryEpisodeRepository) {
    super();
  }

  /** Seeds what is missing (one instance at a time), then loads the read model. Run after the catalog is seeded. */
  static async load(database: DatabaseClient): Promise<PostgresEpisodeRepository> {
    await database.exclusively((orm) => seedEpisodes(orm));
    const rows: Episode[] = await database.orm().select().from(episodes);
    return new PostgresEpisodeRepository(new InMemoryEpisodeRepository(rows));
  }

  forTitle(titleId: string): Promise<Episode[]> {
    return this.model.forTitle(titleId);
  }

  findById(id: string): Promise<Episode | undefined> {
    return this.model.findById(id);
  }

  count(): Promise<number> {
    return this.model.count();
  }
}
