import { Injectable } from '@nestjs/common';
import { SequencedPage } from '../common/paging/sequenced-page';
import { ProgressRepository, ProgressSave } from './progress.repository';
import { EpisodeProgress, ViewingProgress } from './viewing-progress';

function withoutSeq({ seq: _seq, ...progress }: ViewingProgress & { seq: number }): ViewingProgress {
  return progress;
}

function latestFirst(a: EpisodeProgress, b: EpisodeProgress): number {
  return b.updatedAt - a.updatedAt || (a.episodeId < b.episodeId ? -1 : a.episodeId > b.episodeId ? 1 : 0);
}

@Injectable()
export class InMemoryProgressRepository extends ProgressRepository {
  /** profileId → titleId → progress; Map order is kept as "least recently updated first". */
  private readonly byProfile = new Map<string, Map<string, ViewingProgress & { seq: number }>>();
  /** profileId → episodeId → that episode's own progress. */
  private readonly episodesByProfile = new Map<string, Map<string, EpisodeProgress>>();
  /** Like the database's activity_seq: every accepted save takes the next number. */
  private sequence = 0;

  async save(progress: ViewingProgress): Promise<ProgressSave> {
    const episodeResult = progress.episodeId === undefined ? undefined : this.saveEpisode({ ...progress, episodeId: progress.episodeId });
    let titles = this.byProfile.get(progress.profileId);
    if (!titles) this.byProfile.set(progress.profileId, (titles = new Map()));
    const stored = titles.get(progress.titleId);
    const wasCompleted = stored?.completed ?? false;
    const titleResult = stored && stored.updatedAt > progress.updatedAt ? { saved: false, wasCompleted } : undefined;
    if (!titleResult) {
      titles.delete(progress.titleId);
      const { episodeId, ...rest } = progress;
      titles.set(progress.titleId, { ...rest, ...(episodeId === undefined ? {} : { episodeId }), seq: ++this.sequence });
    }
    return episodeResult ?? titleResult ?? { saved: true, wasCompleted };
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

  async findEpisode(profileId: string, episodeId: string): Promise<EpisodeProgress | undefined> {
    const progress = this.episodesByProfile.get(profileId)?.get(episodeId);
    return progress && { ...progress };
  }

  async listEpisodes(profileId: string, titleId: string): Promise<EpisodeProgress[]> {
    const entries = [...(this.episodesByProfile.get(profileId)?.values() ?? [])].filter((entry) => entry.titleId === titleId);
    return entries.sort(latestFirst).map((entry) => ({ ...entry }));
  }

  async delete(profileId: string, titleId: string): Promise<void> {
    this.byProfile.get(profileId)?.delete(titleId);
    const episodes = this.episodesByProfile.get(profileId);
    for (const [episodeId, entry] of episodes ?? []) if (entry.titleId === titleId) episodes?.delete(episodeId);
  }

  private saveEpisode(progress: EpisodeProgress): ProgressSave {
    let episodes = this.episodesByProfile.get(progress.profileId);
    if (!episodes) this.episodesByProfile.set(progress.profileId, (episodes = new Map()));
    const stored = episodes.get(progress.episodeId);
    const wasCompleted = stored?.completed ?? false;
    if (stored && stored.updatedAt > progress.updatedAt) return { saved: false, wasCompleted };
    episodes.set(progress.episodeId, { ...progress });
    return { saved: true, wasCompleted };
  }
}
