import { Logger } from '@nestjs/common';
import { asc, count, sql } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { Orm } from '../database/orm';
import { catalogRange, curatedTitles } from './catalog-seed';
import { CatalogFilter, CatalogPage, GenreCount } from './catalog-filter';
import { CatalogRepository } from './catalog.repository';
import { InMemoryCatalogRepository } from './in-memory-catalog.repository';
import { Title } from './title';
import { titles } from './titles.schema';

/** Rows per insert while seeding: one JSON parameter each, well inside every limit. */
const SEED_BATCH = 5_000;
const READ_BATCH = 20_000;

/** Adds the titles the database lacks up to `size`, in batches; a catalog already seeded is left alone. */
export async function seedCatalog(orm: Orm, size: number, logger: Logger): Promise<void> {
  const [row] = await orm.select({ titles: count() }).from(titles);
  const present = Number(row?.titles ?? 0);
  if (present >= size) return;
  const started = Date.now();
  for (let from = present; from < size; from += SEED_BATCH) {
    const batch = catalogRange(from, Math.min(size, from + SEED_BATCH)).map((title) => ({
      id: title.id,
      ordinal: title.ordinal,
      name: title.name,
      synopsis: title.synopsis,
      year: title.year,
      genres: title.genres,
      maturity_rating: title.maturityRating,
      runtime_minutes: title.runtimeMinutes,
      popularity: title.popularity,
      artwork: title.artwork,
      cast: title.cast ?? [],
      director: title.director ?? null,
    }));
    // One statement per batch, the rows as one JSON document: far cheaper than a parameter per value.
    await orm.execute(sql`
      insert into ${titles} (id, ordinal, name, synopsis, year, genres, maturity_rating, runtime_minutes, popularity, artwork, "cast", director)
      select id, ordinal, name, synopsis, year, genres, maturity_rating, runtime_minutes, popularity, artwork, "cast", director
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as seeded(
        id text, ordinal integer, name text, synopsis text, year integer, genres text[],
        maturity_rating text, runtime_minutes integer, popularity double precision, artwork jsonb, "cast" text[], director text)
      on conflict do nothing`);
  }
  logger.log(`Seeded ${size - present} titles (${present} were there) in ${Date.now() - started} ms`);
}

/**
 * Gives curated titles seeded before cast and directors existed (migration 0003) their credits; once
 * done, the guard (`director is null`) makes this a no-op.
 */
export async function backfillCredits(orm: Orm): Promise<void> {
  const credits = curatedTitles()
    .filter((title) => title.director)
    .map((title) => ({ id: title.id, cast: title.cast ?? [], director: title.director }));
  await orm.execute(sql`
    update ${titles} set "cast" = credited."cast", director = credited.director
    from jsonb_to_recordset(${JSON.stringify(credits)}::jsonb) as credited(id text, "cast" text[], director text)
    where ${titles.id} = credited.id and ${titles.director} is null`);
}

async function readCatalog(orm: Orm): Promise<Title[]> {
  const all: Title[] = [];
  for (let after = -1; ; ) {
    const rows = await orm.select().from(titles).where(sql`${titles.ordinal} > ${after}`).orderBy(asc(titles.ordinal)).limit(READ_BATCH);
    for (const row of rows) all.push({ ...row, artwork: row.artwork, cast: row.cast.length > 0 ? row.cast : undefined, director: row.director ?? undefined });
    if (rows.length < READ_BATCH) return all;
    after = rows[rows.length - 1].ordinal;
  }
}

/**
 * The catalog kept in PostgreSQL and served from an in-process read model loaded from it at start:
 * titles change only by seeding, which happens before the model is loaded, so the two agree.
 */
export class PostgresCatalogRepository extends CatalogRepository {
  private constructor(private readonly model: InMemoryCatalogRepository) {
    super();
  }

  /** Seeds what is missing up to `size` (one instance at a time), then loads the read model. */
  static async load(database: DatabaseClient, size: number): Promise<PostgresCatalogRepository> {
    const logger = new Logger('Catalog');
    await database.exclusively(async (orm) => {
      await seedCatalog(orm, size, logger);
      await backfillCredits(orm);
    });
    const loaded = await readCatalog(database.orm());
    if (loaded.length > size) logger.log(`The database holds ${loaded.length} titles, more than CATALOG_SIZE=${size}: serving all of them`);
    return new PostgresCatalogRepository(new InMemoryCatalogRepository(loaded));
  }

  findById(id: string): Promise<Title | undefined> {
    return this.model.findById(id);
  }

  findMany(ids: readonly string[]): Promise<Title[]> {
    return this.model.findMany(ids);
  }

  findPage(filter: CatalogFilter, afterPosition: number | null, limit: number): Promise<CatalogPage<Title>> {
    return this.model.findPage(filter, afterPosition, limit);
  }

  genreCounts(maxLevel?: number): Promise<GenreCount[]> {
    return this.model.genreCounts(maxLevel);
  }

  findSimilar(id: string, limit: number, exclude?: ReadonlySet<string>, maxLevel?: number): Promise<Title[]> {
    return this.model.findSimilar(id, limit, exclude, maxLevel);
  }

  topByPopularity(genre: string | undefined, limit: number, exclude?: ReadonlySet<string>, maxLevel?: number): Promise<Title[]> {
    return this.model.topByPopularity(genre, limit, exclude, maxLevel);
  }

  canonicalGenre(name: string): Promise<string | undefined> {
    return this.model.canonicalGenre(name);
  }

  count(): Promise<number> {
    return this.model.count();
  }
}
