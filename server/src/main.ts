import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppLogger } from './common/logging/app-logger.service';
import { configureApp } from './configure-app';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { StartupError } from './config/startup-error';
import { listenOrExplain } from './listen';

const SHUTDOWN_DEADLINE_MS = 10_000;

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env, { persistSecrets: true });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    // Held until the JSON logger exists; dropped if start-up fails, which is told below in one line.
    bufferLogs: true,
    autoFlushLogs: false,
    // Start-up failures (a database out of reach) come back here to be told in one line.
    abortOnError: false,
  });
  app.useLogger(app.get(AppLogger));
  app.flushLogs();
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
  if (error instanceof ConfigError) process.stderr.write(`Configuration error: ${error.message}\n`);
  else if (error instanceof StartupError) process.stderr.write(`${error.message}\n`);
  // Anything else is a defect: its stack is what finds it.
  else process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
