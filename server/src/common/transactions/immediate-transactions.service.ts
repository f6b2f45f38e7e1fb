import { Injectable } from '@nestjs/common';
import { Transactions } from './transactions';

/**
 * For the in-memory store: its writes are synchronous steps that cannot fail halfway, so a unit of
 * work is simply the work.
 */
@Injectable()
export class ImmediateTransactions extends Transactions {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async afterCommit(effect: () => void | Promise<void>): Promise<void> {
    await effect();
  }
}
