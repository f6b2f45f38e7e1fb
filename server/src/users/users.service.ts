import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock/clock';
import { User } from './user';
import { UserRepository } from './user.repository';

/** Accounts: creation, lookup and profile changes. Passwords arrive here already hashed. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  async create(email: string, name: string, passwordHash: string): Promise<User> {
    const user: User = {
      id: `user_${randomBytes(12).toString('base64url')}`,
      email,
      name,
      passwordHash,
      createdAt: new Date(this.clock.now()),
    };
    if (!(await this.users.insert(user))) {
      throw new ConflictException('An account with this email already exists');
    }
    return user;
  }

  findByEmail(email: string): Promise<User | undefined> {
    return this.users.findByEmail(email);
  }

  findById(id: string): Promise<User | undefined> {
    return this.users.findById(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('Account not found');
    return user;
  }

  async rename(id: string, name: string): Promise<User> {
    const user = await this.users.update(id, { name });
    if (!user) throw new NotFoundException('Account not found');
    return user;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    if (!(await this.users.update(id, { passwordHash }))) throw new NotFoundException('Account not found');
  }
}
