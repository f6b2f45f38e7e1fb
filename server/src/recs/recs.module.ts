import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { CatalogModule } from '../catalog/catalog.module';
import { PlaybackModule } from '../playback/playback.module';
import { CO_WATCH_DEFAULTS, CoWatchIndex } from './co-watch-index';
import { HomePagesModule } from './home-pages.module';
import { PicksService } from './picks.service';
import { PlayActivityListener } from './play-activity.listener';
import { RecsController } from './recs.controller';
import { RecsService } from './recs.service';
import { TRENDING_WINDOW_DEFAULTS, TrendingWindow } from './trending-window';
import { TrendingService } from './trending.service';
import { ViewerSignalsService } from './viewer-signals.service';

@Module({
  imports: [CatalogModule, PlaybackModule, AccountModule, HomePagesModule],
  controllers: [RecsController],
  providers: [
    RecsService,
    PicksService,
    TrendingService,
    ViewerSignalsService,
    PlayActivityListener,
    { provide: TrendingWindow, useFactory: () => new TrendingWindow(TRENDING_WINDOW_DEFAULTS) },
    { provide: CoWatchIndex, useFactory: () => new CoWatchIndex(CO_WATCH_DEFAULTS) },
  ],
})
export class RecsModule {}
