import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { ViewingHistoryService } from '../playback/viewing-history.service';
import { SeriesService } from '../series/series.service';
import { EpisodeListDto } from './dto/episode-list.dto';

/** A season's episodes as a title page lists them, each with the profile's progress in it. */
@Injectable()
export class TitleEpisodesService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly series: SeriesService,
    private readonly history: ViewingHistoryService,
  ) {}

  /** 404 for an unknown title or a film, 403 above the profile's ceiling, 400 for a season the series does not have. */
  async season(viewer: ProfileViewer, titleId: string, season: number | undefined): Promise<EpisodeListDto> {
    const title = await this.catalog.get(titleId, viewer.audience);
    const episodes = await this.series.seasonEpisodes(title, season);
    const progress = await this.history.episodeProgress(viewer.profileId, titleId);
    return {
      items: episodes.map(({ id, season: seasonNumber, number, name, synopsis, runtimeMinutes }) => {
        const saved = progress.get(id);
        return { id, season: seasonNumber, number, name, synopsis, runtimeMinutes, progress: saved ? { position: saved.position, duration: saved.duration, completed: saved.completed } : null };
      }),
    };
  }
}
