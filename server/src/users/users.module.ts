import { Module } from '@nestjs/common';
import { UsersService } from './users.service';

/** Accounts. Its repository comes from the StorageModule, which picks the store. */
@Module({
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
