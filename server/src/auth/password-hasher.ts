import { Injectable } from '@nestjs/common';
import { compare, hash } from 'bcrypt';
import { AppConfig } from '../config/app-config';

/** bcrypt, always async so hashing runs on libuv's pool and never blocks the event loop. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return hash(password, this.config.bcryptRounds);
  }

  verify(password: string, passwordHash: string): Promise<boolean> {
    return compare(password, passwordHash);
  }

  /**
   * Spends the same work as a real check and always fails: used for unknown emails so that
   * "no such account" and "wrong password" take similar time.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummyHash ??= hash('not a real password, only a timing decoy', this.config.bcryptRounds);
    await compare(password, await this.dummyHash);
    return false;
  }
}
