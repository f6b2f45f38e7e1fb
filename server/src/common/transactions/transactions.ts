/**
 * Units of work across repositories: writes made inside `run` commit together or not at all. The
 * abstract class is the DI token; the store decides what a transaction is.
 */
export abstract class Transactions {
  /** Runs `work` in one transaction; called inside another, it joins that one. */
  abstract run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `effect` once the current transaction has committed (never if it rolls back), or at once
   * outside a transaction: for effects outside the store, such as telling every instance that logins
   * ended. Outside a transaction the promise is the effect's; inside one it resolves at once, and the
   * transaction's `run` resolves only after its effects have.
   */
  abstract afterCommit(effect: () => void | Promise<void>): Promise<void>;
}
