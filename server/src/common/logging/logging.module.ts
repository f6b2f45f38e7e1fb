import { DynamicModule, Module } from '@nestjs/common';
import pino, { DestinationStream } from 'pino';
import { AppConfig } from '../../config/app-config';
import { AppLogger, ROOT_LOGGER } from './app-logger.service';

/**
 * JSON lines through pino: every line names this instance, every line written while a request is
 * served carries that request's id (see request-logging.middleware.ts, which also writes the one
 * line per request when LOG_REQUESTS).
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    const root = pino(
      {
        base: { instance: config.instanceId },
        timestamp: pino.stdTimeFunctions.isoTime,
        level: 'info',
      },
      destination ?? pino.destination({ dest: 1, sync: false }),
    );
    return {
      module: LoggingModule,
      providers: [{ provide: ROOT_LOGGER, useValue: root }, AppLogger],
      exports: [ROOT_LOGGER, AppLogger],
    };
  }
}
