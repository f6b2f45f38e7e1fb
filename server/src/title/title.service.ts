import { Injectable } from '@nestjs/common';
import { Audience } from '../catalog/audience';
import { CatalogService } from '../catalog/catalog.service';
import { MediaLibrary } from '../media/media-library.service';
import { SeriesService } from '../series/series.service';
import { StreamProtection } from './dto/stream-profile.dto';
import { TitleDetailsDto } from './dto/title-details.dto';

export const SIMILAR_COUNT = 12;

/** A title's details page: the catalog's facts, its real streams and its neighbours. */
@Injectable()
export class TitleService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly media: MediaLibrary,
    private readonly series: SeriesService,
  ) {}

  /** A title this audience may see (403 saying why otherwise), with similar titles it may see too. */
  async details(id: string, audience: Audience): Promise<TitleDetailsDto> {
    const title = await this.catalog.get(id, audience);
    const { manifest } = this.media.forTitle(id);
    const drm = manifest.encryption === 'aes-128' ? StreamProtection.Aes128 : StreamProtection.None;
    const similar = await this.catalog.similar(id, SIMILAR_COUNT, undefined, audience);
    const seasons = await this.series.seasons(id);
    return {
      id: title.id,
      name: title.name,
      synopsis: title.synopsis,
      images: { poster: this.catalog.imageUrl(id, 'poster'), backdrop: this.catalog.imageUrl(id, 'backdrop') },
      streams: manifest.renditions.map((rendition) => ({ profile: rendition.profile, drm })),
      similar: similar.map((other) => other.id),
      similarTitles: similar.map((other) => this.catalog.summary(other)),
      year: title.year,
      genres: title.genres,
      maturityRating: title.maturityRating,
      runtimeMinutes: title.runtimeMinutes,
      cast: title.cast ?? [],
      director: title.director ?? null,
      ...(seasons.length > 0 ? { kind: 'series' as const, seasons } : { kind: 'film' as const }),
    };
  }
}
