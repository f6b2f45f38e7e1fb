import { Injectable } from '@nestjs/common';
import { Transactions } from '../common/transactions/transactions';
import { DatabaseClient } from './database-client';

/** Transactions of the PostgreSQL stores: repositories join them through `DatabaseClient.orm()`. */
@Injectable()
export class DatabaseTransactions extends Transactions {
  constructor(private readonly database: DatabaseClient) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  afterCommit(effect: () => void | Promise<void>): Promise<void> {
    return this.database.afterCommit(effect);
  }
}
