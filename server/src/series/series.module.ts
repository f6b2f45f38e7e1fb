import { Module } from '@nestjs/common';
import { SeriesService } from './series.service';

/** Seasons and episodes; the EpisodeRepository port comes from StorageModule. */
@Module({
  providers: [SeriesService],
  exports: [SeriesService],
})
export class SeriesModule {}
