import { CatalogFilter, CatalogPage, GenreCount } from './catalog-filter';
import { Title } from './title';

/** The titles on offer. Methods say what the domain asks; indexes are the implementation's business. */
export abstract class CatalogRepository {
  abstract findById(id: string): Promise<Title | undefined>;
  /** The known titles among these ids, in the order asked; unknown ids are left out. */
  abstract findMany(ids: readonly string[]): Promise<Title[]>;
  /**
   * Titles matching the filter in the filter's sort order (catalog order by default), after the given
   * position in that order (`lastPosition` of the previous page; in catalog order, the ordinal).
   */
  abstract findPage(filter: CatalogFilter, afterPosition: number | null, limit: number): Promise<CatalogPage<Title>>;
  /** Genres and how many titles each has, counting only titles at or below `maxLevel` (all when undefined); genres left empty are left out. */
  abstract genreCounts(maxLevel?: number): Promise<GenreCount[]>;
  /** Titles most like this one: most genres shared, then nearest in year; never those in `exclude` or above `maxLevel`. */
  abstract findSimilar(id: string, limit: number, exclude?: ReadonlySet<string>, maxLevel?: number): Promise<Title[]>;
  /**
   * The most popular titles by editorial popularity (then catalog order), of one genre or of all;
   * never those in `exclude` or above `maxLevel`. What a viewer with no history is shown first.
   */
  abstract topByPopularity(genre: string | undefined, limit: number, exclude?: ReadonlySet<string>, maxLevel?: number): Promise<Title[]>;
  /** The canonical spelling of a genre, whatever the case; undefined if there is no such genre. */
  abstract canonicalGenre(name: string): Promise<string | undefined>;
  abstract count(): Promise<number>;
}
