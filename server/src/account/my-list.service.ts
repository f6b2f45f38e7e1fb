import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { Clock } from '../common/clock/clock';
import { TitleListDto } from './dto/title-list.dto';
import { MyListRepository } from './my-list.repository';

/** A viewer's saved titles. */
@Injectable()
export class MyListService {
  constructor(
    private readonly lists: MyListRepository,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  async list(userId: string): Promise<TitleListDto> {
    const titles = await this.catalog.findMany(await this.lists.list(userId));
    return { items: titles.map((title) => this.catalog.summary(title)) };
  }

  /** Title ids, newest first; for recommendations. */
  titleIds(userId: string): Promise<string[]> {
    return this.lists.list(userId);
  }

  async add(userId: string, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.lists.add(userId, titleId, this.clock.now());
  }

  async remove(userId: string, titleId: string): Promise<void> {
    await this.catalog.get(titleId);
    await this.lists.remove(userId, titleId);
  }
}
