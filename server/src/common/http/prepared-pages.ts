import { RememberedEntries } from '../cache/remembered-entries';
import { PreparedJson } from './prepared-json';

/**
 * Pages serialised once and sent as bytes, by a key naming everything the page depends on (the
 * query, the profile's ceiling). Only for pages that change with nothing else; `maxAgeMs` bounds how
 * long one could lag a change made by a newer instance (a re-seeded catalog).
 */
export class PreparedPages {
  private readonly pages: RememberedEntries<PreparedJson>;

  constructor(capacity: number, maxAgeMs: number) {
    this.pages = new RememberedEntries(capacity, maxAgeMs);
  }

  async get(key: string, make: () => Promise<unknown>): Promise<PreparedJson> {
    const known = this.pages.get(key);
    if (known) return known;
    const ticket = this.pages.ticket();
    const prepared = PreparedJson.of(await make());
    this.pages.remember(ticket, key, prepared);
    return prepared;
  }
}
