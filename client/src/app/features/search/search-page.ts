import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { TitleSummaryDto } from '@streaming/api';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { InfiniteScroll } from '../../shared/paging/infinite-scroll';
import { TitlePager } from '../../shared/paging/title-pager';
import { TitleGrid } from '../../shared/title-grid/title-grid';
import { Debouncer } from './debouncer';

export const SEARCH_DEBOUNCE_MS = 250;
/** Trending titles offered when a search finds nothing. */
const SUGGESTIONS = 12;

@Component({
  selector: 'app-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TitleGrid, InfiniteScroll],
  templateUrl: './search-page.html',
  styleUrl: './search-page.scss',
})
export class SearchPage implements OnInit {
  /** The query in the URL, so a search can be shared and survives reload. */
  readonly q = input<string>();

  private readonly library = inject(ViewerLibrary);
  private readonly router = inject(Router);
  private readonly debouncer = new Debouncer(SEARCH_DEBOUNCE_MS);

  protected readonly query = signal('');
  /** The query whose results are shown (trimmed); empty before the first search. */
  protected readonly searched = signal('');
  protected readonly pager = new TitlePager('Search failed. Please try again.');
  protected readonly suggestions = signal<TitleSummaryDto[]>([]);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.debouncer.cancel());
  }

  ngOnInit(): void {
    const initial = this.q() ?? '';
    this.query.set(initial);
    if (initial.trim()) void this.search(initial);
  }

  protected onInput(value: string): void {
    this.query.set(value);
    this.debouncer.run(() => {
      void this.router.navigate([], { queryParams: { q: value.trim() || null }, replaceUrl: true });
      void this.search(value);
    });
  }

  protected more(): void {
    void this.pager.more();
  }

  private async search(value: string): Promise<void> {
    const text = value.trim();
    this.searched.set(text);
    this.suggestions.set([]);
    if (!text) {
      await this.pager.restart(async () => ({ items: [], cursor: null }));
      return;
    }
    await this.pager.restart((cursor) => this.library.search(text, cursor));
    // Nothing found: offer what everyone is watching instead of a dead end.
    if (this.searched() === text && this.pager.loaded() && this.pager.items().length === 0) {
      const trending = await this.library.trending().catch(() => ({ items: [] }));
      if (this.searched() === text) this.suggestions.set(trending.items.slice(0, SUGGESTIONS));
    }
  }
}
