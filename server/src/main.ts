import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppLogger } from './common/logging/app-logger';
import { configureApp } from './configure-app';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { listenOrExplain } from './listen';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: new AppLogger(),
  });
  configureApp(app, config);
  await listenOrExplain(app, config.port);
  Logger.log(`API on ${config.publicUrl} (docs: ${config.publicUrl}/docs)`, 'Bootstrap');

  // Drain on SIGTERM: stop accepting, let in-flight requests finish, then exit 0.
  process.once('SIGTERM', () => {
    Logger.log('SIGTERM: draining requests', 'Bootstrap');
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    app.close().then(() => process.exit(0), () => process.exit(1));
  });
}

bootstrap().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
