import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { ClockModule } from './common/clock/clock.module';
import { RequestLoggerMiddleware } from './common/middleware/request-logger.middleware';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { HealthModule } from './health/health.module';
import { PlaybackModule } from './playback/playback.module';
import { RecsModule } from './recs/recs.module';
import { StorageModule } from './storage/storage.module';
import { TitleModule } from './title/title.module';

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        StorageModule.forRoot(config),
        AuthModule,
        AccountModule,
        CatalogModule,
        TitleModule,
        PlaybackModule,
        RecsModule,
        HealthModule,
      ],
      providers: config.logRequests ? [RequestLoggerMiddleware] : [],
    };
  }

  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    if (this.config.logRequests) consumer.apply(RequestLoggerMiddleware).forRoutes('*');
  }
}
