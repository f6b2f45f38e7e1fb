import { Injectable } from '@nestjs/common';
import { and, desc, eq, lt } from 'drizzle-orm';
import { SequencedPage } from '../common/paging/sequenced-page';
import { DatabaseClient } from '../database/database-client';
import { myListEntries } from './my-list.schema';
import { MyListRepository } from './my-list.repository';

@Injectable()
export class PostgresMyListRepository extends MyListRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async add(profileId: string, titleId: string, addedAt: number): Promise<void> {
    await this.database.orm().insert(myListEntries).values({ profileId, titleId, addedAt: new Date(addedAt) }).onConflictDoNothing();
  }

  async remove(profileId: string, titleId: string): Promise<void> {
    await this.database.orm().delete(myListEntries).where(and(eq(myListEntries.profileId, profileId), eq(myListEntries.titleId, titleId)));
  }

  async list(profileId: string): Promise<string[]> {
    const rows = await this.database.orm().select({ titleId: myListEntries.titleId }).from(myListEntries).where(eq(myListEntries.profileId, profileId)).orderBy(desc(myListEntries.seq));
    return rows.map((row) => row.titleId);
  }

  async page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<{ titleId: string }>> {
    const rows = await this.database
      .orm()
      .select({ titleId: myListEntries.titleId, seq: myListEntries.seq })
      .from(myListEntries)
      .where(and(eq(myListEntries.profileId, profileId), after === null ? undefined : lt(myListEntries.seq, after)))
      .orderBy(desc(myListEntries.seq))
      .limit(limit + 1);
    return { entries: rows.slice(0, limit), more: rows.length > limit };
  }

  async contains(profileId: string, titleId: string): Promise<boolean> {
    const rows = await this.database
      .orm()
      .select({ titleId: myListEntries.titleId })
      .from(myListEntries)
      .where(and(eq(myListEntries.profileId, profileId), eq(myListEntries.titleId, titleId)));
    return rows.length > 0;
  }
}
