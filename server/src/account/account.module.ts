import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { InMemoryMyListRepository } from './in-memory-my-list.repository';
import { InMemoryRatingsRepository } from './in-memory-ratings.repository';
import { MyListController } from './my-list.controller';
import { MyListRepository } from './my-list.repository';
import { MyListService } from './my-list.service';
import { RatingsController } from './ratings.controller';
import { RatingsRepository } from './ratings.repository';
import { RatingsService } from './ratings.service';

@Module({
  imports: [UsersModule, AuthModule, CatalogModule],
  controllers: [AccountController, MyListController, RatingsController],
  providers: [
    AccountService,
    MyListService,
    RatingsService,
    { provide: MyListRepository, useClass: InMemoryMyListRepository },
    { provide: RatingsRepository, useClass: InMemoryRatingsRepository },
  ],
  exports: [MyListService, RatingsService],
})
export class AccountModule {}
