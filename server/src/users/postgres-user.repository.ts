import { Injectable } from '@nestjs/common';
import { eq } from 'drizzle-orm';
import { DatabaseClient } from '../database/database-client';
import { User } from './user';
import { UserRepository } from './user.repository';
import { users } from './users.schema';

@Injectable()
export class PostgresUserRepository extends UserRepository {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async insert(user: User): Promise<boolean> {
    const inserted = await this.database.orm().insert(users).values(user).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    return inserted.length === 1;
  }

  async findById(id: string): Promise<User | undefined> {
    const [user] = await this.database.orm().select().from(users).where(eq(users.id, id));
    return user;
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const [user] = await this.database.orm().select().from(users).where(eq(users.email, email));
    return user;
  }

  async update(id: string, changes: Partial<Pick<User, 'name' | 'passwordHash'>>): Promise<User | undefined> {
    if (changes.name === undefined && changes.passwordHash === undefined) return this.findById(id);
    const [user] = await this.database.orm().update(users).set(changes).where(eq(users.id, id)).returning();
    return user;
  }
}
