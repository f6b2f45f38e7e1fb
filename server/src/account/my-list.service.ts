import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock/clock';
import { ProfileViewer } from '../common/decorators/current-user.decorator';
import { TitleListDto } from './dto/title-list.dto';
import { MyListRepository } from './my-list.repository';

/** A profile's saved titles: only those it may see are shown, and only those can be added. */
@Injectable()
export class MyListService {
  constructor(
    private readonly lists: MyListRepository,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async list(viewer: ProfileViewer): Promise<TitleListDto> {
    const titles = await this.catalog.findMany(await this.lists.list(viewer.profileId), viewer.audience);
    return { items: titles.map((title) => this.catalog.summary(title)) };
  }

  /** Title ids, newest first; for recommendations. */
  titleIds(profileId: string): Promise<string[]> {
    return this.lists.list(profileId);
  }

  async add(viewer: ProfileViewer, titleId: string): Promise<void> {
    await this.catalog.get(titleId, viewer.audience);
    await this.lists.add(viewer.profileId, titleId, this.clock.now());
  }

  /** Taking a title off is always allowed, even one the profile may no longer see. */
  async remove(viewer: ProfileViewer, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.lists.remove(viewer.profileId, titleId);
  }
}
