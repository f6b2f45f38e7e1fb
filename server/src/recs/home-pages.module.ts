import { Module } from '@nestjs/common';
import { HomePages } from './home-pages.service';

/** The kept home pages: recommendations serve them; whoever changes what they are made of forgets them. */
@Module({
  providers: [HomePages],
  exports: [HomePages],
})
export class HomePagesModule {}
