import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { TitleSummaryDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { TitleGrid } from '../../shared/title-grid/title-grid';
import { Debouncer } from './debouncer';

export const SEARCH_DEBOUNCE_MS = 250;

@Component({
  selector: 'app-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TitleGrid],
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
  protected readonly results = signal<TitleSummaryDto[] | null>(null);
  protected readonly searching = signal(false);
  protected readonly failure = signal<string | null>(null);
  private latest = 0;

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

  private async search(value: string): Promise<void> {
    const text = value.trim();
    const ticket = ++this.latest;
    if (!text) {
      this.results.set(null);
      this.searching.set(false);
      return;
    }
    this.searching.set(true);
    this.failure.set(null);
    try {
      const page = await this.library.search(text);
      // Only the answer to the newest query may land: slow old answers are dropped.
      if (ticket === this.latest) this.results.set(page.items);
    } catch (error) {
      if (ticket === this.latest) this.failure.set(errorMessage(error, 'Search failed. Please try again.'));
    } finally {
      if (ticket === this.latest) this.searching.set(false);
    }
  }
}
