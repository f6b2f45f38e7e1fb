import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LruCache } from '../common/cache/lru-cache';
import { ArtworkRenderer } from './artwork/artwork-renderer.service';
import { CatalogService } from './catalog.service';

export type ArtworkKind = 'poster' | 'backdrop';

export interface RenderedArtwork {
  svg: string;
  etag: string;
}

/** Posters and backdrops drawn on demand from the title and kept in a bounded cache. */
@Injectable()
export class ArtworkService {
  private readonly cache = new LruCache<string, RenderedArtwork>(2_000);

  constructor(
    private readonly catalog: CatalogService,
    private readonly renderer: ArtworkRenderer,
  ) {}

  async render(titleId: string, kind: ArtworkKind): Promise<RenderedArtwork> {
    const key = `${kind}:${titleId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const title = await this.catalog.get(titleId);
    const svg = kind === 'poster' ? this.renderer.poster(title) : this.renderer.backdrop(title);
    const rendered = { svg, etag: `"${createHash('sha1').update(svg).digest('base64url')}"` };
    this.cache.set(key, rendered);
    return rendered;
  }
}
