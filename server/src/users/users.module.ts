import { Module } from '@nestjs/common';
import { InMemoryUserRepository } from './in-memory-user.repository';
import { UserRepository } from './user.repository';
import { UsersService } from './users.service';

@Module({
  providers: [UsersService, { provide: UserRepository, useClass: InMemoryUserRepository }],
  exports: [UsersService],
})
export class UsersModule {}
