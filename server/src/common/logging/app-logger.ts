import { ConsoleLogger } from '@nestjs/common';

// Nest's own start-up narration (modules loaded, routes mapped) buries the lines that matter.
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Console logger that keeps our lines and the framework's warnings and errors, not its chatter. */
export class AppLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && FRAMEWORK_CONTEXTS.has(context)) return;
    super.log(message, context);
  }

  /** A start-up failure reaches the entry point, which tells it in one line; Nest's copy would add a stack dump. */
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'ExceptionHandler') return;
    super.error(message, ...(rest as [string?, string?]));
  }
}
