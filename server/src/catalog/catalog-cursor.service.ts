import { Injectable } from '@nestjs/common';
import { SignedCursor } from '../common/paging/signed-cursor';
import { AppConfig } from '../config/app-config';

/** Catalog page cursors: an ordinal in the sorted, filtered catalog and the query it belongs to. */
@Injectable()
export class CatalogCursor extends SignedCursor {
  constructor(config: AppConfig) {
    super(config.cursorSecret, 'catalog-cursor', 'keep genre, q, sort and filters the same while paging');
  }
}
