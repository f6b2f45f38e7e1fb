import { Module } from '@nestjs/common';
import { ProfileDirectory } from './profile-directory.service';

/** Which profile a request speaks for; the guard and sign-up need it, and need nothing of profile management. */
@Module({
  providers: [ProfileDirectory],
  exports: [ProfileDirectory],
})
export class ProfileDirectoryModule {}
