import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ArtworkRenderer } from './artwork/artwork-renderer';
import { ArtworkService } from './artwork.service';
import { CatalogCursor } from './catalog-cursor';
import { buildCatalog } from './catalog-seed';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalog.repository';
import { CatalogService } from './catalog.service';
import { ImagesController } from './images.controller';
import { InMemoryCatalogRepository } from './in-memory-catalog.repository';

@Module({
  controllers: [CatalogController, ImagesController],
  providers: [
    CatalogService,
    CatalogCursor,
    ArtworkService,
    ArtworkRenderer,
    {
      provide: CatalogRepository,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new InMemoryCatalogRepository(buildCatalog(config.catalogSize)),
    },
  ],
  exports: [CatalogService],
})
export class CatalogModule {}
