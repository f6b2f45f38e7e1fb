import { Injectable } from '@nestjs/common';
import { Audience, EVERYONE } from '../catalog/audience';
import { CatalogService } from '../catalog/catalog.service';
import { Title } from '../catalog/title';
import { BECAUSE_WEIGHTS, CandidatePool, FOR_YOU_WEIGHTS, ScoreWeights } from './candidate-pool';
import { CoWatchIndex } from './co-watch-index';
import { contentSimilarity } from './content-similarity';
import { knowsNothing, TasteProfile } from './taste-profile';
import { TrendingService } from './trending.service';

/** Bounds on how much evidence one list gathers: its cost follows these, never the catalog or the audience. */
const LIMITS = {
  coWatchSeeds: 20,
  contentSeeds: 8,
  neighboursPerSeed: 30,
  similarPerSeed: 30,
  favouriteGenres: 3,
  titlesPerGenre: 30,
  trending: 30,
  popular: 20,
  dislikedSeeds: 10,
  neighboursPerDisliked: 20,
  becauseNeighbours: 50,
  becauseSimilar: 40,
};

/** Personal picks: "Top picks for you" and "Because you watched". */
@Injectable()
export class PicksService {
  /** Per profile (so per request), the titles near its thumbs-downs: a home page's rows share one lookup. */
  private readonly dampingByProfile = new WeakMap<TasteProfile, Promise<Map<string, number>>>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly coWatch: CoWatchIndex,
    private readonly trending: TrendingService,
  ) {}

  /**
   * The viewer's best unseen titles: co-watched with and alike to what they liked, in their genres,
   * nudged by the week's trends, kept away from what they disliked. A viewer who has told us nothing
   * gets the week's trending titles, then editorial popularity.
   */
  async forYou(profile: TasteProfile, limit: number, exclude: ReadonlySet<string>, audience: Audience = EVERYONE): Promise<Title[]> {
    if (knowsNothing(profile)) return this.trending.titles(limit, exclude, audience);
    const pool = new CandidatePool();

    const coWatchSeeds = profile.seeds.slice(0, LIMITS.coWatchSeeds);
    const coWatchTotal = coWatchSeeds.reduce((sum, seed) => sum + seed.weight, 0);
    for (const seed of coWatchSeeds) {
      for (const neighbour of this.coWatch.neighboursOf(seed.title.id, LIMITS.neighboursPerSeed)) {
        pool.addCoWatch(neighbour.titleId, (seed.weight / coWatchTotal) * neighbour.score);
      }
    }

    const contentSeeds = profile.seeds.slice(0, LIMITS.contentSeeds);
    const contentTotal = contentSeeds.reduce((sum, seed) => sum + seed.weight, 0);
    for (const seed of contentSeeds) {
      for (const similar of await this.catalog.similar(seed.title.id, LIMITS.similarPerSeed, exclude, audience)) {
        pool.addContent(similar, (seed.weight / contentTotal) * contentSimilarity(seed.title, similar));
      }
    }

    const favouriteGenres = [...profile.genreAffinity]
      .filter(([, affinity]) => affinity > 0)
      .sort(([nameA, a], [nameB, b]) => b - a || nameA.localeCompare(nameB))
      .slice(0, LIMITS.favouriteGenres);
    for (const [genre] of favouriteGenres) {
      for (const title of await this.catalog.topByPopularity(genre, LIMITS.titlesPerGenre, exclude, audience)) pool.consider(title);
    }

    this.trending.playedIds(LIMITS.trending).forEach((titleId, rank) => pool.addTrending(titleId, 1 - rank / LIMITS.trending));
    // Enough popular titles that the list fills up however little else is known.
    for (const title of await this.catalog.topByPopularity(undefined, Math.max(LIMITS.popular, limit), exclude, audience)) pool.consider(title);

    await this.dampDisliked(pool, profile);
    return this.rank(pool, profile, FOR_YOU_WEIGHTS, limit, exclude, audience);
  }

  /**
   * Titles for someone who watched `source`: what its viewers also watched, blended with titles like
   * it. Neither source ever names the title itself.
   */
  async because(source: Title, profile: TasteProfile, limit: number, exclude: ReadonlySet<string>, audience: Audience = EVERYONE): Promise<Title[]> {
    const pool = new CandidatePool();
    for (const neighbour of this.coWatch.neighboursOf(source.id, LIMITS.becauseNeighbours)) pool.addCoWatch(neighbour.titleId, neighbour.score);
    for (const similar of await this.catalog.similar(source.id, LIMITS.becauseSimilar, exclude, audience)) pool.addContent(similar, contentSimilarity(source, similar));
    await this.dampDisliked(pool, profile);
    return this.rank(pool, profile, BECAUSE_WEIGHTS, limit, exclude, audience);
  }

  /** A thumbs-down pushes back its nearest neighbours among the candidates, by co-watching and by content. */
  private async dampDisliked(pool: CandidatePool, profile: TasteProfile): Promise<void> {
    let damping = this.dampingByProfile.get(profile);
    if (!damping) this.dampingByProfile.set(profile, (damping = this.nearDisliked(profile)));
    for (const [titleId, amount] of await damping) pool.addDamping(titleId, amount);
  }

  private async nearDisliked(profile: TasteProfile): Promise<Map<string, number>> {
    const damping = new Map<string, number>();
    const add = (titleId: string, amount: number) => damping.set(titleId, (damping.get(titleId) ?? 0) + amount);
    for (const disliked of profile.disliked.slice(0, LIMITS.dislikedSeeds)) {
      for (const neighbour of this.coWatch.neighboursOf(disliked.id, LIMITS.neighboursPerDisliked)) add(neighbour.titleId, neighbour.score);
      for (const similar of await this.catalog.similar(disliked.id, LIMITS.neighboursPerDisliked)) add(similar.id, contentSimilarity(disliked, similar));
    }
    return damping;
  }

  /** Ranks the pool; candidates above the audience's ceiling stay unresolved, so never ranked. */
  private async rank(pool: CandidatePool, profile: TasteProfile, weights: ScoreWeights, limit: number, exclude: ReadonlySet<string>, audience: Audience): Promise<Title[]> {
    pool.resolve(await this.catalog.findMany(pool.unresolvedIds(), audience));
    pool.forget((title) => !this.catalog.isVisible(title, audience));
    return pool.rank(profile, weights, limit, exclude);
  }
}
