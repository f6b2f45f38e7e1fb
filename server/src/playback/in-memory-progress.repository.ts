import { Injectable } from '@nestjs/common';
import { ProgressRepository, ProgressSave } from './progress.repository';
import { ViewingProgress } from './viewing-progress';

@Injectable()
export class InMemoryProgressRepository extends ProgressRepository {
  /** userId → titleId → progress; Map order is kept as "least recently updated first". */
  private readonly byUser = new Map<string, Map<string, ViewingProgress>>();

  async save(progress: ViewingProgress): Promise<ProgressSave> {
    let titles = this.byUser.get(progress.userId);
    if (!titles) this.byUser.set(progress.userId, (titles = new Map()));
    const stored = titles.get(progress.titleId);
    const wasCompleted = stored?.completed ?? false;
    if (stored && stored.updatedAt > progress.updatedAt) return { saved: false, wasCompleted };
    titles.delete(progress.titleId);
    titles.set(progress.titleId, { ...progress });
    return { saved: true, wasCompleted };
  }

  async find(userId: string, titleId: string): Promise<ViewingProgress | undefined> {
    const progress = this.byUser.get(userId)?.get(titleId);
    return progress && { ...progress };
  }

  async listByUser(userId: string): Promise<ViewingProgress[]> {
    return [...(this.byUser.get(userId)?.values() ?? [])].reverse().map((progress) => ({ ...progress }));
  }

  async delete(userId: string, titleId: string): Promise<void> {
    this.byUser.get(userId)?.delete(titleId);
  }
}
