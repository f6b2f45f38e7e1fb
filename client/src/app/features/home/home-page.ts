import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { RecRowDto, TitleDetailsDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { Notifier } from '../../core/notify/notifier';
import { episodeHeading, seasonsLabel } from '../../shared/series/episode-label';
import { SkeletonRow } from '../../shared/skeleton-row/skeleton-row';
import type { ResumeEpisode } from '../../shared/title-card/title-card';
import { TitleRow } from '../../shared/title-row/title-row';
import { ViewerLibrary } from '../../core/library/viewer-library';

const CONTINUE_WATCHING = 'continue-watching';

@Component({
  selector: 'app-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TitleRow, SkeletonRow],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
})
export class HomePage implements OnInit {
  private readonly library = inject(ViewerLibrary);
  private readonly notifier = inject(Notifier);

  protected readonly rows = signal<RecRowDto[] | null>(null);
  protected readonly hero = signal<TitleDetailsDto | null>(null);
  protected readonly failed = signal<string | null>(null);
  protected readonly progressById = signal<Record<string, number>>({});
  /** The episode each series in Continue Watching resumes. */
  protected readonly episodeById = signal<Record<string, ResumeEpisode>>({});
  protected readonly continueWatchingId = CONTINUE_WATCHING;
  protected readonly seasonsLabel = seasonsLabel;
  protected readonly heroResume = computed(() => {
    const hero = this.hero();
    return hero ? (this.progressById()[hero.id] ?? null) : null;
  });

  async ngOnInit(): Promise<void> {
    try {
      const [home, continueWatching] = await Promise.all([this.library.home(), this.library.continueWatching()]);
      this.progressById.set(Object.fromEntries(continueWatching.items.map((item) => [item.title.id, item.progress])));
      this.episodeById.set(Object.fromEntries(continueWatching.items.flatMap((item) => (item.episode ? [[item.title.id, { id: item.episode.id, heading: episodeHeading(item.episode) }]] : []))));
      this.rows.set(home.rows);
      const featured = home.rows.find((row) => row.id !== CONTINUE_WATCHING && row.items.length > 0)?.items[0];
      if (featured) this.hero.set(await this.library.title(featured.id));
    } catch (error) {
      this.failed.set(errorMessage(error, 'Your home page could not be loaded.'));
    }
  }

  protected async removeFromContinueWatching(titleId: string): Promise<void> {
    const before = this.rows();
    this.rows.update((rows) =>
      (rows ?? [])
        .map((row) => (row.id === CONTINUE_WATCHING ? { ...row, items: row.items.filter((item) => item.id !== titleId) } : row))
        .filter((row) => row.items.length > 0),
    );
    try {
      await this.library.forgetProgress(titleId);
    } catch (error) {
      this.rows.set(before);
      this.notifier.error(errorMessage(error, 'That title could not be removed. Please try again.'));
    }
  }
}
