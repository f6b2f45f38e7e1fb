import { Module } from '@nestjs/common';
import { ArtworkRenderer } from './artwork/artwork-renderer.service';
import { ArtworkService } from './artwork.service';
import { CatalogCursor } from './catalog-cursor.service';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { ImagesController } from './images.controller';

@Module({
  controllers: [CatalogController, ImagesController],
  providers: [
    CatalogService,
    CatalogCursor,
    ArtworkService,
    ArtworkRenderer,
  ],
  exports: [CatalogService],
})
export class CatalogModule {}
