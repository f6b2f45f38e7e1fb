import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { TitleDetailsDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { Rating, ViewerLibrary } from '../../core/library/viewer-library';
import { Notifier } from '../../core/notify/notifier';
import { BRAND } from '../../core/shell/branded-title-strategy';
import { TitleRow } from '../../shared/title-row/title-row';
import { formatTime } from './format-time';

interface RatingChoice {
  value: Rating;
  label: string;
}

@Component({
  selector: 'app-title-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TitleRow],
  templateUrl: './title-page.html',
  styleUrl: './title-page.scss',
})
export class TitlePage {
  /** The title id, from the route. */
  readonly id = input.required<string>();

  private readonly library = inject(ViewerLibrary);
  private readonly notifier = inject(Notifier);
  private readonly documentTitle = inject(Title);

  protected readonly title = signal<TitleDetailsDto | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly inMyList = signal(false);
  protected readonly rating = signal<Rating | null>(null);
  protected readonly resumeAt = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly resumeLabel = computed(() => {
    const at = this.resumeAt();
    return at !== null ? `Resume from ${formatTime(at)}` : 'Play';
  });
  protected readonly ratingChoices: RatingChoice[] = [
    { value: 'down', label: 'Not for me' },
    { value: 'up', label: 'I like this' },
    { value: 'love', label: 'Love this!' },
  ];

  constructor() {
    // Route reuse: navigating from one title to a similar one changes only the input.
    effect(() => void this.load(this.id()));
  }

  private async load(id: string): Promise<void> {
    this.title.set(null);
    this.failure.set(null);
    try {
      const [title, myList, ratings, continueWatching] = await Promise.all([
        this.library.title(id),
        this.library.myList(),
        this.library.ratings(),
        this.library.continueWatching(),
      ]);
      if (id !== this.id()) return;
      this.title.set(title);
      this.documentTitle.setTitle(`${title.name} · ${BRAND}`);
      this.inMyList.set(myList.items.some((item) => item.id === id));
      this.rating.set((ratings.items.find((item) => item.titleId === id)?.rating as Rating | undefined) ?? null);
      this.resumeAt.set(continueWatching.items.find((item) => item.title.id === id)?.position ?? null);
    } catch (error) {
      this.failure.set(errorMessage(error, 'This title could not be loaded.'));
    }
  }

  protected async toggleMyList(): Promise<void> {
    const adding = !this.inMyList();
    this.inMyList.set(adding);
    this.busy.set(true);
    try {
      if (adding) await this.library.addToList(this.id());
      else await this.library.removeFromList(this.id());
    } catch (error) {
      this.inMyList.set(!adding);
      this.notifier.error(errorMessage(error, 'My List could not be updated.'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async rate(choice: Rating): Promise<void> {
    const previous = this.rating();
    const next = previous === choice ? null : choice;
    this.rating.set(next);
    try {
      await this.library.rate(this.id(), next);
    } catch (error) {
      this.rating.set(previous);
      this.notifier.error(errorMessage(error, 'Your rating could not be saved.'));
    }
  }
}
