import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';

/** Drizzle over either PostgreSQL, or a transaction on it: what repositories query through. */
export type Orm = PgDatabase<PgQueryResultHKT>;

/** Rows of a raw statement; both drivers answer `{ rows }`. */
export async function rowsOf<T>(orm: Orm, statement: SQL): Promise<T[]> {
  const result = (await orm.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
