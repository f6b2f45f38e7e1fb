import { AsyncLocalStorage } from 'node:async_hooks';
import { Orm } from './orm';

/**
 * A connection to PostgreSQL, embedded (PGlite) or a server (a pool). Repositories query through
 * `orm()`, which is the current transaction when there is one (see `transaction`), so writes of
 * several repositories can hold together without any of them knowing.
 */
export abstract class DatabaseClient {
  abstract readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, for log lines: a folder or host:port/database, never a password. */
  abstract readonly location: string;
  private readonly currentTransaction = new AsyncLocalStorage<{ orm: Orm; afterCommit: (() => void | Promise<void>)[] }>();
  /** Outermost transactions begun and not yet ended, see `transaction`. */
  private openTransactions = 0;

  protected abstract get root(): Orm;

  /** The transaction this call runs inside, or the connection itself. */
  orm(): Orm {
    return this.currentTransaction.getStore()?.orm ?? this.root;
  }

  /** Whether this call runs inside a transaction. */
  inTransaction(): boolean {
    return this.currentTransaction.getStore() !== undefined;
  }

  /** Runs `work` in one transaction; called inside another, it joins that one. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.currentTransaction.getStore()) return work();
    const afterCommit: (() => void | Promise<void>)[] = [];
    this.openTransactions += 1;
    let result: T;
    try {
      result = await this.root.transaction((transaction) => this.currentTransaction.run({ orm: transaction as unknown as Orm, afterCommit }, work));
    } finally {
      // While enabled, the storage makes every promise of the process (any request's) copy it along;
      // with no transaction open nothing reads it, and the next `run` enables it again.
      this.openTransactions -= 1;
      if (this.openTransactions === 0) this.currentTransaction.disable();
    }
    for (const effect of afterCommit) await effect();
    return result;
  }

  /** Runs `effect` after the current transaction commits (its `transaction` waits for it), or now outside one. */
  async afterCommit(effect: () => void | Promise<void>): Promise<void> {
    const current = this.currentTransaction.getStore();
    if (current) current.afterCommit.push(effect);
    else await effect();
  }

  /** Runs `work` while holding a lock no other process on this database holds at once (migrations, seeding). */
  abstract exclusively<T>(work: (orm: Orm) => Promise<T>): Promise<T>;

  /** Throws when the database cannot answer a trivial query. */
  abstract ping(): Promise<void>;

  abstract close(): Promise<void>;
}
