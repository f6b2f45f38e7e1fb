import { Injectable } from '@nestjs/common';
import { SequencedPage } from '../common/paging/sequenced-page';
import { ProgressRepository, ProgressSave } from './progress.repository';
import { ViewingProgress } from './viewing-progress';

function withoutSeq({ profileId, titleId, position, duration, completed, updatedAt }: ViewingProgress): ViewingProgress {
  return { profileId, titleId, position, duration, completed, updatedAt };
}

@Injectable()
export class InMemoryProgressRepository extends ProgressRepository {
  /** profileId → titleId → progress; Map order is kept as "least recently updated first". */
  private readonly byProfile = new Map<string, Map<string, ViewingProgress & { seq: number }>>();
  /** Like the database's activity_seq: every accepted save takes the next number. */
  private sequence = 0;

  async save(progress: ViewingProgress): Promise<ProgressSave> {
    let titles = this.byProfile.get(progress.profileId);
    if (!titles) this.byProfile.set(progress.profileId, (titles = new Map()));
    const stored = titles.get(progress.titleId);
    const wasCompleted = stored?.completed ?? false;
    if (stored && stored.updatedAt > progress.updatedAt) return { saved: false, wasCompleted };
    titles.delete(progress.titleId);
    titles.set(progress.titleId, { ...progress, seq: ++this.sequence });
    return { saved: true, wasCompleted };
  }

  async find(profileId: string, titleId: string): Promise<ViewingProgress | undefined> {
    const progress = this.byProfile.get(profileId)?.get(titleId);
    return progress && withoutSeq(progress);
  }

  async listByProfile(profileId: string): Promise<ViewingProgress[]> {
    return [...(this.byProfile.get(profileId)?.values() ?? [])].reverse().map(withoutSeq);
  }

  async page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<ViewingProgress>> {
    const newestFirst = [...(this.byProfile.get(profileId)?.values() ?? [])].reverse().filter((entry) => after === null || entry.seq < after);
    return { entries: newestFirst.slice(0, limit).map((entry) => ({ ...entry })), more: newestFirst.length > limit };
  }

  async delete(profileId: string, titleId: string): Promise<void> {
    this.byProfile.get(profileId)?.delete(titleId);
  }
}
