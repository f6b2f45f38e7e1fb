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

  async add(userId: string, titleId: string, addedAt: number): Promise<void> {
    await this.database.orm().insert(myListEntries).values({ userId, titleId, addedAt: new Date(addedAt) }).onConflictDoNothing();
  }

  async remove(userId: string, titleId: string): Promise<void> {
    await this.database.orm().delete(myListEntries).where(and(eq(myListEntries.userId, userId), eq(myListEntries.titleId, titleId)));
  }

  async list(userId: string): Promise<string[]> {
    const rows = await this.database.orm().select({ titleId: myListEntries.titleId }).from(myListEntries).where(eq(myListEntries.userId, userId)).orderBy(desc(myListEntries.seq));
    return rows.map((row) => row.titleId);
  }

  async contains(userId: string, titleId: string): Promise<boolean> {
    const rows = await this.database
      .orm()
      .select({ titleId: myListEntries.titleId })
      .from(myListEntries)
      .where(and(eq(myListEntries.userId, userId), eq(myListEntries.titleId, titleId)));
    return rows.length > 0;
  }
}
