import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MediaModule } from '../media/media.module';
import { TitleController } from './title.controller';
import { TitleService } from './title.service';

@Module({
  imports: [CatalogModule, MediaModule],
  controllers: [TitleController],
  providers: [TitleService],
})
export class TitleModule {}
