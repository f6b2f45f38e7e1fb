import { inject } from '@angular/core';
import type { RecRowDto, TitleSummaryDto } from '@streaming/api';
import { ViewerLibrary } from '../../core/library/viewer-library';

export const CONTINUE_WATCHING = 'continue-watching';

/** The title the hero features: the first of the first row that is not Continue Watching. */
export function featuredTitle(rows: RecRowDto[]): TitleSummaryDto | undefined {
  return rows.find((row) => row.id !== CONTINUE_WATCHING && row.items.length > 0)?.items[0];
}

/**
 * Asks for the home page's data as the router starts loading its code (in the route's injection
 * context), so the requests, and the hero's details after them, do not wait for the chunk; the page
 * then finds them in ViewerLibrary's cache, in flight or answered. A failure is the page's to show
 * when it asks again.
 */
export function prefetchHomeData(): void {
  const library = inject(ViewerLibrary);
  library
    .home()
    .then((home) => {
      const featured = featuredTitle(home.rows);
      return featured ? library.title(featured.id) : undefined;
    })
    .catch(() => undefined);
  library.continueWatching().catch(() => undefined);
}
