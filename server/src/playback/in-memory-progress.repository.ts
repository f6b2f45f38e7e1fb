import { Injectable } from '@nestjs/common';
import { ProgressRepository, ProgressSave } from './progress.repository';
import { ViewingProgress } from './viewing-progress';

@Injectable()
export class InMemoryProgressRepository extends ProgressRepository {
  /** profileId → titleId → progress; Map order is kept as "least recently updated first". */
  private readonly byProfile = new Map<string, Map<string, ViewingProgress>>();

  async save(progress: ViewingProgress): Promise<ProgressSave> {
    let titles = this.byProfile.get(progress.profileId);
    if (!titles) this.byProfile.set(progress.profileId, (titles = new Map()));
    const stored = titles.get(progress.titleId);
    const wasCompleted = stored?.completed ?? false;
    if (stored && stored.updatedAt > progress.updatedAt) return { saved: false, wasCompleted };
    titles.delete(progress.titleId);
    titles.set(progress.titleId, { ...progress });
    return { saved: true, wasCompleted };
  }

  async find(profileId: string, titleId: string): Promise<ViewingProgress | undefined> {
    const progress = this.byProfile.get(profileId)?.get(titleId);
    return progress && { ...progress };
  }

  async listByProfile(profileId: string): Promise<ViewingProgress[]> {
    return [...(this.byProfile.get(profileId)?.values() ?? [])].reverse().map((progress) => ({ ...progress }));
  }

  async delete(profileId: string, titleId: string): Promise<void> {
    this.byProfile.get(profileId)?.delete(titleId);
  }
}
