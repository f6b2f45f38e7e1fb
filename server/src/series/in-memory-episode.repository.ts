import { Episode, inViewingOrder } from './episode';
import { EpisodeRepository } from './episode.repository';

/** The episodes in memory, indexed by id and by title (each title's list in viewing order). */
export class InMemoryEpisodeRepository extends EpisodeRepository {
  private readonly byId = new Map<string, Episode>();
  private readonly byTitle = new Map<string, Episode[]>();

  constructor(episodes: readonly Episode[]) {
    super();
    for (const episode of episodes) {
      this.byId.set(episode.id, episode);
      const list = this.byTitle.get(episode.titleId);
      if (list) list.push(episode);
      else this.byTitle.set(episode.titleId, [episode]);
    }
    for (const list of this.byTitle.values()) list.sort(inViewingOrder);
  }

  async forTitle(titleId: string): Promise<Episode[]> {
    return [...(this.byTitle.get(titleId) ?? [])];
  }

  async findById(id: string): Promise<Episode | undefined> {
    return this.byId.get(id);
  }

  async count(): Promise<number> {
    return this.byId.size;
  }
}
