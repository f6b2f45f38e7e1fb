import { ListCursor } from '../common/paging/list-cursor.service';
import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { MediaModule } from '../media/media.module';
import { HomePagesModule } from '../recs/home-pages.module';
import { SeriesModule } from '../series/series.module';
import { PlayEvents } from './play-events.service';
import { PlaybackController } from './playback.controller';
import { PlaybackService } from './playback.service';
import { SeriesProgressService } from './series-progress.service';
import { StreamAccessService } from './stream-access.service';
import { StreamController } from './stream.controller';
import { StreamTokenSigner } from './stream-token.signer';
import { ViewingHistoryController } from './viewing-history.controller';
import { ViewingHistoryService } from './viewing-history.service';

@Module({
  imports: [AuthModule, CatalogModule, MediaModule, SeriesModule, HomePagesModule],
  controllers: [PlaybackController, StreamController, ViewingHistoryController],
  providers: [PlaybackService, ViewingHistoryService, SeriesProgressService, StreamAccessService, StreamTokenSigner, PlayEvents, ListCursor],
  exports: [ViewingHistoryService, PlayEvents],
})
export class PlaybackModule {}
