import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { SequencedPage } from '../common/paging/sequenced-page';
import { DatabaseClient } from '../database/database-client';
import { Rating, StoredRating } from './rating';
import { ratings } from './ratings.schema';
import { RatingsRepository } from './ratings.repository';

@Injectable()
export class PostgresRatingsRepository extends RatingsRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async set(profileId: string, titleId: string, rating: Rating, updatedAt: number): Promise<void> {
    await this.database
      .orm()
      .insert(ratings)
      .values({ profileId, titleId, rating, updatedAt: new Date(updatedAt) })
      .onConflictDoUpdate({
        target: [ratings.profileId, ratings.titleId],
        set: { rating, updatedAt: new Date(updatedAt), seq: sql`nextval('activity_seq')` },
      });
  }

  async remove(profileId: string, titleId: string): Promise<void> {
    await this.database.orm().delete(ratings).where(and(eq(ratings.profileId, profileId), eq(ratings.titleId, titleId)));
  }

  async list(profileId: string): Promise<StoredRating[]> {
    const rows = await this.database
      .orm()
      .select({ titleId: ratings.titleId, rating: ratings.rating, updatedAt: ratings.updatedAt })
      .from(ratings)
      .where(eq(ratings.profileId, profileId))
      .orderBy(desc(ratings.seq));
    return rows.map((row) => ({ titleId: row.titleId, rating: row.rating as Rating, updatedAt: row.updatedAt.getTime() }));
  }

  async page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<StoredRating>> {
    const rows = await this.database
      .orm()
      .select({ titleId: ratings.titleId, rating: ratings.rating, updatedAt: ratings.updatedAt, seq: ratings.seq })
      .from(ratings)
      .where(and(eq(ratings.profileId, profileId), after === null ? undefined : lt(ratings.seq, after)))
      .orderBy(desc(ratings.seq))
      .limit(limit + 1);
    const entries = rows.slice(0, limit).map((row) => ({ titleId: row.titleId, rating: row.rating as Rating, updatedAt: row.updatedAt.getTime(), seq: row.seq }));
    return { entries, more: rows.length > limit };
  }
}
