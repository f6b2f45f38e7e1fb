import { Injectable } from '@nestjs/common';
import { User } from './user';
import { UserRepository } from './user.repository';

@Injectable()
export class InMemoryUserRepository extends UserRepository {
  private readonly byId = new Map<string, User>();
  private readonly idByEmail = new Map<string, string>();

  async insert(user: User): Promise<boolean> {
    // Check and claim in one synchronous step, so two concurrent sign-ups cannot both win.
    if (this.idByEmail.has(user.email)) return false;
    this.idByEmail.set(user.email, user.id);
    this.byId.set(user.id, { ...user });
    return true;
  }

  async findById(id: string): Promise<User | undefined> {
    const user = this.byId.get(id);
    return user && { ...user };
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const id = this.idByEmail.get(email);
    return id === undefined ? undefined : this.findById(id);
  }

  async update(id: string, changes: Partial<Pick<User, 'name' | 'passwordHash'>>): Promise<User | undefined> {
    const user = this.byId.get(id);
    if (!user) return undefined;
    const updated = { ...user, ...changes };
    this.byId.set(id, updated);
    return { ...updated };
  }
}
