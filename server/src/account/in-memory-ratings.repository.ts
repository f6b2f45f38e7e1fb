import { Injectable } from '@nestjs/common';
import { SequencedPage } from '../common/paging/sequenced-page';
import { Rating, StoredRating } from './rating';
import { RatingsRepository } from './ratings.repository';

@Injectable()
export class InMemoryRatingsRepository extends RatingsRepository {
  /** profileId → titleId → rating, least recently set first; each set takes the next sequence number. */
  private readonly byProfile = new Map<string, Map<string, StoredRating & { seq: number }>>();
  private sequence = 0;

  async set(profileId: string, titleId: string, rating: Rating, updatedAt: number): Promise<void> {
    let ratings = this.byProfile.get(profileId);
    if (!ratings) this.byProfile.set(profileId, (ratings = new Map()));
    ratings.delete(titleId);
    ratings.set(titleId, { titleId, rating, updatedAt, seq: ++this.sequence });
  }

  async remove(profileId: string, titleId: string): Promise<void> {
    this.byProfile.get(profileId)?.delete(titleId);
  }

  async list(profileId: string): Promise<StoredRating[]> {
    return [...(this.byProfile.get(profileId)?.values() ?? [])].reverse().map(({ titleId, rating, updatedAt }) => ({ titleId, rating, updatedAt }));
  }

  async page(profileId: string, after: number | null, limit: number): Promise<SequencedPage<StoredRating>> {
    const newestFirst = [...(this.byProfile.get(profileId)?.values() ?? [])].reverse().filter((entry) => after === null || entry.seq < after);
    return { entries: newestFirst.slice(0, limit).map((entry) => ({ ...entry })), more: newestFirst.length > limit };
  }
}
