import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { AccountModule } from './account/account.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { ClockModule } from './common/clock/clock.module';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { PlaybackModule } from './playback/playback.module';
import { ProfilesModule } from './profiles/profiles.module';
import { RecsModule } from './recs/recs.module';
import { RedisModule } from './redis/redis.module';
import { StorageModule } from './storage/storage.module';
import { TitleModule } from './title/title.module';

export interface AppModuleOptions {
  /** Where the JSON log lines go; standard output unless a test wants them. */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, options.logDestination),
        ClockModule,
        RedisModule,
        StorageModule.forRoot(config),
        AuthModule,
        ProfilesModule,
        AccountModule,
        CatalogModule,
        TitleModule,
        PlaybackModule,
        RecsModule,
        HealthModule,
      ],
    };
  }
}
