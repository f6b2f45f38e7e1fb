import { User } from './user';

/** Storage for accounts. The abstract class is the DI token; swap the implementation, not the callers. */
export abstract class UserRepository {
  /** Stores a new user; returns false when the email is already taken. */
  abstract insert(user: User): Promise<boolean>;
  abstract findById(id: string): Promise<User | undefined>;
  abstract findByEmail(email: string): Promise<User | undefined>;
  abstract update(id: string, changes: Partial<Pick<User, 'name' | 'passwordHash'>>): Promise<User | undefined>;
}
