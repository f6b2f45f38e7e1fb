import { Inject, Injectable, LoggerService } from '@nestjs/common';
import type { Logger as Pino, Level } from 'pino';

/** The pino logger every line goes through (one per app: its destination and the instance's name). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

// Nest's own start-up narration (modules loaded, routes mapped) buries the lines that matter.
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);
const STACK = /\n\s+at /;

/**
 * The app's logger behind Nest's `Logger`: pino's JSON lines with the context (`new Logger('Exceptions')`);
 * a message given as an object (`{ msg, requestId }`) adds its fields to the line. Keeps our lines
 * and the framework's warnings and errors, not its chatter.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) return;
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes `(message, context)`, or for errors `(message, stack, context)`; a line carries both as fields. */
  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    for (const param of params) {
      if (typeof param === 'string') fields[STACK.test(param) ? 'stack' : 'context'] = param;
      else if (param instanceof Error) fields['err'] = { type: param.name, message: param.message };
    }
    if (message instanceof Error) {
      fields['err'] = { type: message.name, message: message.message };
      this.pino[level](fields, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level]({ ...fields, ...message });
    } else {
      this.pino[level](fields, String(message));
    }
  }
}
