import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Audience, EVERYONE } from './audience';
import { CatalogCursor } from './catalog-cursor.service';
import { CatalogRepository } from './catalog.repository';
import { CatalogPageDto } from './dto/catalog-page.dto';
import { CatalogQueryDto } from './dto/catalog-query.dto';
import { GenreListDto } from './dto/genre-list.dto';
import { TitleSummaryDto } from './dto/title-summary.dto';
import { searchWords } from './search-text';
import { maturityLevel } from './maturity';
import { Title } from './title';

export const DEFAULT_PAGE_SIZE = 20;
/** Bumped when the artwork renderer changes, so long-cached images are fetched anew. */
export const ARTWORK_VERSION = 2;

/** Browsing and looking up titles; the one way other modules reach the catalog. */
@Injectable()
export class CatalogService {
  private readonly summaries = new WeakMap<Title, TitleSummaryDto>();

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly cursors: CatalogCursor,
    private readonly config: AppConfig,
  ) {}

  /** A page of the titles this audience may see; a cursor works only for the query and ceiling it was made for. */
  async page(query: CatalogQueryDto, audience: Audience = EVERYONE): Promise<CatalogPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const words = query.q === undefined ? [] : searchWords(query.q);
    const genreName = query.genre?.trim();
    const genre = genreName ? await this.catalog.canonicalGenre(genreName) : undefined;
    if (genreName && !genre) return { items: [], cursor: null };
    if (query.sort !== undefined && words.length > 0) {
      throw new BadRequestException('sort does not apply to a search (q): its results come closest first');
    }
    // A maturity filter narrows what the profile may see; it never widens it.
    const maxLevel = query.maturity === undefined ? audience.maxLevel : Math.min(audience.maxLevel, maturityLevel(query.maturity));
    const browse = query.sort === undefined && query.decade === undefined && query.maturity === undefined ? '' : `|${query.sort ?? ''}|${query.decade ?? ''}|${maxLevel}`;
    const fingerprint = `${genre ?? ''}|${words.join(' ')}|${audience.maxLevel}${browse}`;
    const after = query.cursor === undefined ? null : this.cursors.decode(query.cursor, fingerprint);
    const page = await this.catalog.findPage({ genre, words, maxLevel, decade: query.decade, sort: query.sort }, after, limit);
    return {
      items: page.items.map((title) => this.summary(title)),
      cursor: page.hasMore && page.lastPosition !== undefined ? this.cursors.encode(page.lastPosition, fingerprint) : null,
    };
  }

  /** Genres with the number of titles this audience may see in each. */
  async genres(audience: Audience = EVERYONE): Promise<GenreListDto> {
    return { items: await this.catalog.genreCounts(audience.maxLevel) };
  }

  find(id: string): Promise<Title | undefined> {
    return this.catalog.findById(id);
  }

  /** The title, if this audience may see it: 404 for an unknown id, 403 saying why for one above its ceiling. */
  async get(id: string, audience: Audience = EVERYONE): Promise<Title> {
    const title = await this.catalog.findById(id);
    if (!title) throw new NotFoundException(`Title ${id} does not exist`);
    if (!this.isVisible(title, audience)) {
      throw new ForbiddenException(`Title ${id} is rated ${title.maturityRating}, above this profile's maturity limit${audience.ceiling ? ` (${audience.ceiling})` : ''}`);
    }
    return title;
  }

  isVisible(title: Title, audience: Audience): boolean {
    return maturityLevel(title.maturityRating) <= audience.maxLevel;
  }

  /** The known titles among these ids that this audience may see, in the order given. */
  async findMany(ids: readonly string[], audience: Audience = EVERYONE): Promise<Title[]> {
    const titles = await this.catalog.findMany(ids);
    return titles.filter((title) => this.isVisible(title, audience));
  }

  similar(id: string, limit: number, exclude?: ReadonlySet<string>, audience: Audience = EVERYONE): Promise<Title[]> {
    return this.catalog.findSimilar(id, limit, exclude, audience.maxLevel);
  }

  /** Most popular first, within a genre (any case) or across the catalog; an unknown genre has none. */
  async topByPopularity(genre: string | undefined, limit: number, exclude?: ReadonlySet<string>, audience: Audience = EVERYONE): Promise<Title[]> {
    if (genre === undefined) return this.catalog.topByPopularity(undefined, limit, exclude, audience.maxLevel);
    const canonical = await this.catalog.canonicalGenre(genre);
    return canonical ? this.catalog.topByPopularity(canonical, limit, exclude, audience.maxLevel) : [];
  }

  count(): Promise<number> {
    return this.catalog.count();
  }

  /** The card a client shows; built once per title. */
  summary(title: Title): TitleSummaryDto {
    let summary = this.summaries.get(title);
    if (!summary) {
      summary = { id: title.id, name: title.name, posterUrl: this.imageUrl(title.id, 'poster'), year: title.year, genres: title.genres };
      this.summaries.set(title, summary);
    }
    return summary;
  }

  imageUrl(id: string, kind: 'poster' | 'backdrop'): string {
    return `${this.config.publicUrl}/images/${id}/${kind}.svg?v=${ARTWORK_VERSION}`;
  }
}
