import { Episode } from './episode';

/** The episodes of the catalog's series. A title with no episodes is a film. */
export abstract class EpisodeRepository {
  /** A title's episodes in viewing order (season, then number); empty for a film or an unknown title. */
  abstract forTitle(titleId: string): Promise<Episode[]>;
  abstract findById(id: string): Promise<Episode | undefined>;
  /** How many episodes there are in all. */
  abstract count(): Promise<number>;
}
