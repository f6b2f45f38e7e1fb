import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DEFAULT_LIST_PAGE, ListPageQueryDto } from '../dto/list-page-query.dto';
import { fillPage, SequencedPage } from './sequenced-page';
import { SignedCursor } from './signed-cursor';

/** Cursors of a profile's own lists (My List, ratings, history): a sequence number and whose list it is. */
@Injectable()
export class ListCursor extends SignedCursor {
  constructor(config: AppConfig) {
    super(config.cursorSecret, 'list-cursor', 'a cursor pages only the list, and the profile, it came from');
  }

  /**
   * One page of `list` (e.g. `my-list|<profileId>`): from the cursor's place, `limit` shown items and
   * the cursor of the next page, or null at the end. A cursor of another list or profile is a 400.
   */
  async page<T, R>(
    list: string,
    query: ListPageQueryDto,
    read: (after: number | null, limit: number) => Promise<SequencedPage<T>>,
    show: (entries: T[]) => Promise<(R | undefined)[]>,
  ): Promise<{ items: R[]; cursor: string | null }> {
    const after = query.cursor === undefined ? null : this.decode(query.cursor, list);
    const page = await fillPage(query.limit ?? DEFAULT_LIST_PAGE, after, read, show);
    return { items: page.items, cursor: page.after === null ? null : this.encode(page.after, list) };
  }
}
