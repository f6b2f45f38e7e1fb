import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { ListCursor } from '../common/paging/list-cursor.service';
import { HomePagesModule } from '../recs/home-pages.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { MyListController } from './my-list.controller';
import { MyListService } from './my-list.service';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

@Module({
  imports: [UsersModule, AuthModule, CatalogModule, HomePagesModule],
  controllers: [AccountController, MyListController, RatingsController],
  providers: [
    AccountService,
    MyListService,
    RatingsService,
    ListCursor,
  ],
  exports: [MyListService, RatingsService],
})
export class AccountModule {}
