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
import { CONTINUE_WATCHING, featuredTitle } from './prefetch-home-data';

/** How long the rows wait for the hero's backdrop before rendering anyway. */
const HERO_WAIT_MS = 1500;

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

  private showHero: () => void = () => undefined;
  private readonly heroShown = new Promise<void>((resolve) => (this.showHero = resolve));

  /** The backdrop has loaded (or failed): a frame to paint it, then the rows may render. */
  protected heroLoaded(): void {
    requestAnimationFrame(() => setTimeout(this.showHero));
  }

  async ngOnInit(): Promise<void> {
    try {
      const [home, continueWatching] = await Promise.all([this.library.home(), this.library.continueWatching()]);
      this.progressById.set(Object.fromEntries(continueWatching.items.map((item) => [item.title.id, item.progress])));
      this.episodeById.set(Object.fromEntries(continueWatching.items.flatMap((item) => (item.episode ? [[item.title.id, { id: item.episode.id, heading: episodeHeading(item.episode) }]] : []))));
      const featured = featuredTitle(home.rows);
      // The hero's backdrop is the page's largest paint and fills the first screen: it goes in
      // first, and the rows (dozens of cards, long to render on a slow CPU) once it has loaded, or
      // HERO_WAIT_MS at most, so its first paint is not queued behind theirs.
      if (featured) {
        this.hero.set(await this.library.title(featured.id));
        await Promise.race([this.heroShown, new Promise((resolve) => setTimeout(resolve, HERO_WAIT_MS))]);
      }
      this.rows.set(home.rows);
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
