import { Injectable } from '@nestjs/common';
import { MyListRepository } from './my-list.repository';

@Injectable()
export class InMemoryMyListRepository extends MyListRepository {
  /** userId → titleId → addedAt, in insertion order (oldest first). */
  private readonly lists = new Map<string, Map<string, number>>();

  async add(userId: string, titleId: string, addedAt: number): Promise<void> {
    let list = this.lists.get(userId);
    if (!list) this.lists.set(userId, (list = new Map()));
    if (!list.has(titleId)) list.set(titleId, addedAt);
  }

  async remove(userId: string, titleId: string): Promise<void> {
    this.lists.get(userId)?.delete(titleId);
  }

  async list(userId: string): Promise<string[]> {
    return [...(this.lists.get(userId)?.keys() ?? [])].reverse();
  }

  async contains(userId: string, titleId: string): Promise<boolean> {
    return this.lists.get(userId)?.has(titleId) ?? false;
  }
}
