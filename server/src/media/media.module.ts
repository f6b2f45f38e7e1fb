import { Module } from '@nestjs/common';
import { MediaLibrary } from './media-library.service';

@Module({
  providers: [MediaLibrary],
  exports: [MediaLibrary],
})
export class MediaModule {}
