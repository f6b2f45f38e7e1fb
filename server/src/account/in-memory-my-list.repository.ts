import { Injectable } from '@nestjs/common';
import { MyListRepository } from './my-list.repository';

@Injectable()
export class InMemoryMyListRepository extends MyListRepository {
  /** profileId → titleId → addedAt, in insertion order (oldest first). */
  private readonly lists = new Map<string, Map<string, number>>();

  async add(profileId: string, titleId: string, addedAt: number): Promise<void> {
    let list = this.lists.get(profileId);
    if (!list) this.lists.set(profileId, (list = new Map()));
    if (!list.has(titleId)) list.set(titleId, addedAt);
  }

  async remove(profileId: string, titleId: string): Promise<void> {
    this.lists.get(profileId)?.delete(titleId);
  }

  async list(profileId: string): Promise<string[]> {
    return [...(this.lists.get(profileId)?.keys() ?? [])].reverse();
  }

  async contains(profileId: string, titleId: string): Promise<boolean> {
    return this.lists.get(profileId)?.has(titleId) ?? false;
  }
}
