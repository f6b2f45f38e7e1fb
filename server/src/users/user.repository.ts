import { User } from './user';

/**
 * Storage for accounts. The abstract class is the DI token; swap the implementation, not the callers.
 * Every implementation returns copies: changing what it returned changes nothing stored.
 */
export abstract class UserRepository {
  /** Stores a new user; false when the email is already taken. Of two concurrent inserts with one email exactly one wins. */
  abstract insert(user: User): Promise<boolean>;
  abstract findById(id: string): Promise<User | undefined>;
  /** By the stored (trimmed, lower-cased) email. */
  abstract findByEmail(email: string): Promise<User | undefined>;
  /** Changes the name or the password hash; undefined for an unknown id. */
  abstract update(id: string, changes: Partial<Pick<User, 'name' | 'passwordHash'>>): Promise<User | undefined>;
}
