import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HomePagesModule } from '../recs/home-pages.module';
import { UsersModule } from '../users/users.module';
import { AvatarsController } from './avatars.controller';
import { ProfileDirectoryModule } from './profile-directory.module';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';

@Module({
  imports: [AuthModule, UsersModule, ProfileDirectoryModule, HomePagesModule],
  controllers: [ProfilesController, AvatarsController],
  providers: [ProfilesService],
  exports: [ProfilesService],
})
export class ProfilesModule {}
