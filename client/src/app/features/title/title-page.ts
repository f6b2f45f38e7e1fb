import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { Rating, TitleDetailsDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { EpisodeFinder, EpisodeToPlay } from '../../core/library/episode-finder';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { Notifier } from '../../core/notify/notifier';
import { BRAND } from '../../core/shell/branded-title-strategy';
import { PlaybackPrefetch, PlayTarget } from '../../core/playback/playback-prefetch';
import { episodeCode, seasonsLabel } from '../../shared/series/episode-label';
import { TitleRow } from '../../shared/title-row/title-row';
import { EpisodeGuide } from './episode-guide';
import { formatTime } from './format-time';

interface RatingChoice {
  value: Rating;
  label: string;
}

@Component({
  selector: 'app-title-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TitleRow, EpisodeGuide],
  templateUrl: './title-page.html',
  styleUrl: './title-page.scss',
})
export class TitlePage {
  /** The title id, from the route. */
  readonly id = input.required<string>();

  private readonly library = inject(ViewerLibrary);
  private readonly episodes = inject(EpisodeFinder);
  private readonly notifier = inject(Notifier);
  private readonly documentTitle = inject(Title);

  protected readonly title = signal<TitleDetailsDto | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly inMyList = signal(false);
  protected readonly rating = signal<Rating | null>(null);
  protected readonly resumeAt = signal<number | null>(null);
  /** For a series: the episode Play starts (in progress, next, or S1:E1). */
  protected readonly episodeToPlay = signal<EpisodeToPlay | null>(null);
  /** The season the episode list shows. */
  protected readonly season = signal(1);
  private resumeReads = 0;
  protected readonly busy = signal(false);
  protected readonly resumeLabel = computed(() => {
    const toPlay = this.episodeToPlay();
    if (toPlay) return `${toPlay.resumeAt !== null ? 'Resume' : 'Play'} ${episodeCode(toPlay.episode)}`;
    const at = this.resumeAt();
    return at !== null ? `Resume from ${formatTime(at)}` : 'Play';
  });
  protected readonly playQuery = computed(() => {
    const toPlay = this.episodeToPlay();
    return toPlay ? { episode: toPlay.episode.id } : null;
  });
  protected readonly seasonsLabel = seasonsLabel;
  /** What Play starts, once known; equal targets are one, so a reload of the same answer does not fetch again. */
  private readonly playTarget = computed<PlayTarget | null>(
    () => {
      const title = this.title();
      if (!title || title.id !== this.id()) return null;
      if (title.kind !== 'series') return { titleId: title.id };
      const toPlay = this.episodeToPlay();
      return toPlay ? { titleId: title.id, episodeId: toPlay.episode.id } : null;
    },
    { equal: (a, b) => a?.titleId === b?.titleId && a?.episodeId === b?.episodeId },
  );
  protected readonly ratingChoices: RatingChoice[] = [
    { value: 'down', label: 'Not for me' },
    { value: 'up', label: 'I like this' },
    { value: 'love', label: 'Love this!' },
  ];

  constructor() {
    // Route reuse: navigating from one title to a similar one changes only the input. Untracked: the
    // requests read the session's token, and a silent refresh must not reload the page (it would
    // undo a My List change made meanwhile).
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    // Play starts at once if its code and first playlists are fetched while the viewer reads: for a
    // series, those of the episode Play starts.
    const prefetch = inject(PlaybackPrefetch);
    effect((onCleanup) => {
      const target = this.playTarget();
      if (target) onCleanup(prefetch.warm(target));
    });
    // The player's last heartbeat is sent as it closes, so it can land after this page has loaded:
    // show where the viewer stopped once it does.
    const versionAtStart = untracked(this.library.progressVersion);
    effect(() => {
      if (this.library.progressVersion() !== versionAtStart) void this.refreshResume(untracked(this.id));
    });
  }

  private async refreshResume(id: string): Promise<void> {
    try {
      await this.readResume(id);
    } catch {
      // The page keeps the position it shows; the next visit reads it afresh.
    }
  }

  private async load(id: string): Promise<void> {
    this.title.set(null);
    this.failure.set(null);
    this.episodeToPlay.set(null);
    try {
      const resume = this.readResume(id);
      const [title, myList, ratings] = await Promise.all([this.library.title(id), this.library.myList(), this.library.ratings(), resume]);
      if (id !== this.id()) return;
      this.title.set(title);
      this.documentTitle.setTitle(`${title.name} · ${BRAND}`);
      this.inMyList.set(myList.items.some((item) => item.id === id));
      this.rating.set((ratings.items.find((item) => item.titleId === id)?.rating) ?? null);
    } catch (error) {
      this.failure.set(errorMessage(error, 'This title could not be loaded.'));
    }
  }

  /**
   * Reads where the viewer stopped and shows it, unless a later read has been started meanwhile: the
   * answer to an older request (made before the last heartbeat landed) must not overwrite a newer one.
   */
  private async readResume(id: string): Promise<void> {
    const ticket = ++this.resumeReads;
    const [continueWatching, title] = await Promise.all([this.library.continueWatching(), this.library.title(id)]);
    const toPlay = title.kind === 'series' ? await this.episodes.toPlay(title) : null;
    if (ticket === this.resumeReads && id === this.id()) {
      this.resumeAt.set(continueWatching.items.find((item) => item.title.id === id)?.position ?? null);
      // The list opens at the season of the episode to play; a season the viewer picked stays.
      if (toPlay && this.episodeToPlay()?.episode.season !== toPlay.episode.season) this.season.set(toPlay.episode.season);
      this.episodeToPlay.set(toPlay);
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
