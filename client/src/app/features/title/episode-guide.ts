import { ChangeDetectionStrategy, Component, effect, inject, input, model, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EpisodeDto, TitleDetailsDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { ProgressBar } from '../../shared/progress-bar/progress-bar';
import { episodeHeading } from '../../shared/series/episode-label';

/** A series' seasons and, for the season chosen, its episodes: each row plays its episode. */
@Component({
  selector: 'app-episode-guide',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ProgressBar],
  templateUrl: './episode-guide.html',
  styleUrl: './episode-guide.scss',
})
export class EpisodeGuide {
  readonly series = input.required<TitleDetailsDto>();
  /** The season shown; the title page starts it at the season of the episode to resume. */
  readonly season = model(1);

  private readonly library = inject(ViewerLibrary);
  protected readonly episodes = signal<EpisodeDto[] | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly episodeHeading = episodeHeading;

  constructor() {
    effect(() => {
      const series = this.series();
      const season = this.season();
      // Progress saved since (the player's last heartbeat) shows without a reload.
      this.library.progressVersion();
      untracked(() => void this.load(series.id, season));
    });
  }

  /** How much of an episode the viewer has seen, 0 to 1; null when they never started it. */
  protected watched(episode: EpisodeDto): number | null {
    const progress = episode.progress;
    if (!progress) return null;
    return progress.completed ? 1 : progress.position / progress.duration;
  }

  protected choose(event: Event): void {
    this.season.set(Number((event.target as HTMLSelectElement).value));
  }

  private async load(titleId: string, season: number): Promise<void> {
    this.failure.set(null);
    try {
      const list = await this.library.episodes(titleId, season);
      if (titleId === this.series().id && season === this.season()) this.episodes.set(list.items);
    } catch (error) {
      if (titleId === this.series().id && season === this.season()) this.failure.set(errorMessage(error, 'The episodes could not be loaded.'));
    }
  }
}
