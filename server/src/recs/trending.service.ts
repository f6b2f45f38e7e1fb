import { Injectable } from '@nestjs/common';
import { Audience, EVERYONE } from '../catalog/audience';
import { CatalogService } from '../catalog/catalog.service';
import { Title } from '../catalog/title';
import { Clock } from '../common/clock/clock';
import { TrendingWindow } from './trending-window';

/** What everyone is watching this week. */
@Injectable()
export class TrendingService {
  constructor(
    private readonly window: TrendingWindow,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  /** Ids of the titles most viewers played in the last 7 days, most viewers first. */
  playedIds(limit: number): string[] {
    return this.window.top(limit, this.clock.now()).map((entry) => entry.titleId);
  }

  /** The most played titles of the week, then editorial popularity to fill; never those in `exclude`, nor above the audience's ceiling. */
  async titles(limit: number, exclude: ReadonlySet<string>, audience: Audience = EVERYONE): Promise<Title[]> {
    const played = this.playedIds(Number.POSITIVE_INFINITY).filter((titleId) => !exclude.has(titleId));
    const titles = (await this.catalog.findMany(played, audience)).slice(0, limit);
    if (titles.length >= limit) return titles;
    const taken = new Set(exclude);
    for (const title of titles) taken.add(title.id);
    return [...titles, ...(await this.catalog.topByPopularity(undefined, limit - titles.length, taken, audience))];
  }
}
