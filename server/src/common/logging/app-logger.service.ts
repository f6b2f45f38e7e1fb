import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';

// Nest's own start-up narration (modules loaded, routes mapped) buries the lines that matter.
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** The app's logger: pino's JSON lines, keeping our lines and the framework's warnings and errors, not its chatter. */
@Injectable()
export class AppLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, ...optionalParams);
  }
}
