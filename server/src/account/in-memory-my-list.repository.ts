import { Injectable } from '@nestjs/common';
import { SequencedPage } from '../common/paging/sequenced-page';
import { MyListRepository } from './my-list.repository';

@Injectable()
export class InMemoryMyListRepository extends MyListRepository {
  /** profileId → titleId → when it was added and the add's sequence number, in insertion order (oldest first). */
  private readonly lists = new Map<string, Map<string, { addedAt: number; seq: number }>>();
  /** Like the database's activity_seq: every accepted add takes the next number. */
  private sequence = 0;

  async add(profileId: string, titleId: string, addedAt: number): Promise<void> {
    let list = this.lists.get(profileId);
    if (!list) this.lists.set(profileId, (list = new Map()));
    if (!list.has(titleId)) list.set(titleId, { addedAt, seq: ++this.sequence });
  }

  async remove(profileId: string, titleId: string): Promise<void> {
    this.lists.get(profileId)?.delete(titleId);
  }

  async list(profileId: string): Promise<string[]> {
    return [...(this.lists.get(profileId)?.keys() ?? [])].reverse();
  }

  async page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<{ titleId: string }>> {
    const newestFirst = [...(this.lists.get(profileId)?.entries() ?? [])].reverse().filter(([, entry]) => after === null || entry.seq < after);
    return { entries: newestFirst.slice(0, limit).map(([titleId, { seq }]) => ({ titleId, seq })), more: newestFirst.length > limit };
  }

  async contains(profileId: string, titleId: string): Promise<boolean> {
    return this.lists.get(profileId)?.has(titleId) ?? false;
  }
}
