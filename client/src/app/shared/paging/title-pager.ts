import { signal } from '@angular/core';
import type { TitleSummaryDto } from '@streaming/api';
import { errorMessage } from '../../core/http/error-message';

export interface TitlePage {
  items: TitleSummaryDto[];
  cursor: string | null;
}

/** Fetches the page after `cursor` (the first page when null). */
export type PageSource = (cursor: string | null) => Promise<TitlePage>;

/**
 * A list of titles that grows a page at a time by cursor, for infinite scroll: one request at a time,
 * and a new query (`restart`) drops whatever an older one was still loading.
 */
export class TitlePager {
  private readonly list = signal<TitleSummaryDto[]>([]);
  private readonly busy = signal(false);
  private readonly finished = signal(false);
  private readonly problem = signal<string | null>(null);
  private readonly started = signal(false);
  readonly items = this.list.asReadonly();
  readonly loading = this.busy.asReadonly();
  /** Every page has been loaded. */
  readonly done = this.finished.asReadonly();
  readonly failure = this.problem.asReadonly();
  /** The first page of the current query has come back. */
  readonly loaded = this.started.asReadonly();

  private source: PageSource | null = null;
  private cursor: string | null = null;
  private generation = 0;

  constructor(private readonly failureText: string) {}

  /** Starts over with another query and loads its first page. */
  restart(source: PageSource): Promise<void> {
    this.generation++;
    this.source = source;
    this.cursor = null;
    this.list.set([]);
    this.finished.set(false);
    this.problem.set(null);
    this.started.set(false);
    this.busy.set(false);
    return this.more();
  }

  /** Loads the next page, unless one is loading or there is none. */
  async more(): Promise<void> {
    const source = this.source;
    if (!source || this.busy() || this.finished()) return;
    const generation = this.generation;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const page = await source(this.cursor);
      if (generation !== this.generation) return;
      this.list.update((items) => [...items, ...page.items]);
      this.cursor = page.cursor;
      this.finished.set(page.cursor === null);
      this.started.set(true);
    } catch (error) {
      if (generation === this.generation) this.problem.set(errorMessage(error, this.failureText));
    } finally {
      if (generation === this.generation) this.busy.set(false);
    }
  }
}
