import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MediaModule } from '../media/media.module';
import { PlaybackModule } from '../playback/playback.module';
import { SeriesModule } from '../series/series.module';
import { TitleEpisodesController } from './title-episodes.controller';
import { TitleEpisodesService } from './title-episodes.service';
import { TitleController } from './title.controller';
import { TitleService } from './title.service';

@Module({
  imports: [CatalogModule, MediaModule, SeriesModule, PlaybackModule],
  controllers: [TitleController, TitleEpisodesController],
  providers: [TitleService, TitleEpisodesService],
})
export class TitleModule {}
