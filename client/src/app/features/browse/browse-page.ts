import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { BrowseQuery, ViewerLibrary } from '../../core/library/viewer-library';
import { InfiniteScroll } from '../../shared/paging/infinite-scroll';
import { TitlePager } from '../../shared/paging/title-pager';
import { TitleGrid } from '../../shared/title-grid/title-grid';
import { DECADE_OPTIONS, decadeFrom, MATURITY_OPTIONS, maturityFrom, SORT_OPTIONS, sortFrom } from './browse-options';

/** One genre, page after page as the viewer scrolls; sort and filters live in the URL. */
@Component({
  selector: 'app-browse-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TitleGrid, InfiniteScroll],
  templateUrl: './browse-page.html',
  styleUrl: './browse-page.scss',
})
export class BrowsePage {
  /** From the route: the genre, and the query's sort, decade and maturity. */
  readonly genre = input.required<string>();
  readonly sort = input<string>();
  readonly decade = input<string>();
  readonly maturity = input<string>();

  private readonly library = inject(ViewerLibrary);
  private readonly router = inject(Router);

  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly decadeOptions = DECADE_OPTIONS;
  protected readonly maturityOptions = MATURITY_OPTIONS;
  protected readonly pager = new TitlePager('These titles could not be loaded.');
  protected readonly query = computed<BrowseQuery>(() => ({
    genre: this.genre(),
    sort: sortFrom(this.sort()),
    decade: decadeFrom(this.decade()),
    maturity: maturityFrom(this.maturity()),
  }));

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => void this.pager.restart((cursor) => this.library.browse(query, cursor)));
    });
  }

  /** A change of sort or filter is a new URL (shareable, and Back undoes it). */
  protected choose(name: 'sort' | 'decade' | 'maturity', value: string): void {
    void this.router.navigate([], { queryParams: { [name]: value || null }, queryParamsHandling: 'merge' });
  }

  protected more(): void {
    void this.pager.more();
  }
}
