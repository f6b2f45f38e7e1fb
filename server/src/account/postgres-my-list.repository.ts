import { Injectable } from '@nestjs/common';
import { and, desc, eq } from 'drizzle-orm';
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

  async contains(profileId: string, titleId: string): Promise<boolean> {
    const rows = await this.database
      .orm()
      .select({ titleId: myListEntries.titleId })
      .from(myListEntries)
      .where(and(eq(myListEntries.profileId, profileId), eq(myListEntries.titleId, titleId)));
    return rows.length > 0;
  }
}
