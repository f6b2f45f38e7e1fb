import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock/clock';
import { ListPageQueryDto, wantsPage } from '../common/dto/list-page-query.dto';
import { ListCursor } from '../common/paging/list-cursor.service';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { HomePages } from '../recs/home-pages.service';
import { TitleListDto } from './dto/title-list.dto';
import { MyListRepository } from './my-list.repository';

/** A profile's saved titles: only those it may see are shown, and only those can be added. */
@Injectable()
export class MyListService {
  constructor(
    private readonly lists: MyListRepository,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly cursors: ListCursor,
    private readonly homePages: HomePages,
  ) {}

  /** Newest first: a page when `limit` or `cursor` is given, else the whole list. */
  async list(viewer: ProfileViewer, query: ListPageQueryDto = {}): Promise<TitleListDto> {
    if (!wantsPage(query)) {
      const titles = await this.catalog.findMany(await this.lists.list(viewer.profileId), viewer.audience);
      return { items: titles.map((title) => this.catalog.summary(title)), cursor: null };
    }
    return this.cursors.page(
      `my-list|${viewer.profileId}`,
      query,
      (after, limit) => this.lists.page(viewer.profileId, after, limit),
      async (entries) => {
        const titles = new Map((await this.catalog.findMany(entries.map((entry) => entry.titleId), viewer.audience)).map((title) => [title.id, title]));
        return entries.map((entry) => {
          const title = titles.get(entry.titleId);
          return title && this.catalog.summary(title);
        });
      },
    );
  }

  /** Title ids, newest first; for recommendations. */
  titleIds(profileId: string): Promise<string[]> {
    return this.lists.list(profileId);
  }

  async add(viewer: ProfileViewer, titleId: string): Promise<void> {
    await this.catalog.get(titleId, viewer.audience);
    await this.lists.add(viewer.profileId, titleId, this.clock.now());
    await this.homePages.changed(viewer.profileId);
  }

  /** Taking a title off is always allowed, even one the profile may no longer see. */
  async remove(viewer: ProfileViewer, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.lists.remove(viewer.profileId, titleId);
    await this.homePages.changed(viewer.profileId);
  }
}
