/**
 * Nest's own floor: NestJS on Express (the copies the API runs on) with one controller and one
 * route, the compared request's method and path, answering the status, headers and bytes the API
 * sent (lib/captured-response.mjs) through the Express response, as the API's prepared pages do:
 * Nest's per-request work (route handler, execution context, parameter resolution) on top of
 * Express's, and nothing of ours: no middleware, guard, pipe or filter.
 */
import 'reflect-metadata';
import { Controller, Module, RequestMethod, Res } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Response } from 'express';
import { readCapturedResponse } from './lib/captured-response.mjs';

const { status, headers, body } = readCapturedResponse(process.env['REPLAY_FILE']) as { status: number; headers: [string, string][]; body: Buffer };
const method = (process.env['REPLAY_METHOD'] ?? 'GET').toUpperCase() as keyof typeof RequestMethod;
const path = process.env['REPLAY_PATH'] ?? '/';

@Controller()
class ReplayController {
  replay(@Res() response: Response): void {
    for (const [name, value] of headers) response.setHeader(name, value);
    response.status(status).send(body);
  }
}
// The route's method and path come from the environment, so the decorator @Get/@Post would apply is applied by hand.
const handler = Object.getOwnPropertyDescriptor(ReplayController.prototype, 'replay')?.value as object;
Reflect.defineMetadata(PATH_METADATA, path, handler);
Reflect.defineMetadata(METHOD_METADATA, RequestMethod[method], handler);

@Module({ controllers: [ReplayController] })
class ReplayModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ReplayModule, { bodyParser: false, logger: false });
  app.disable('x-powered-by');
  await app.listen(Number(process.env['REPLAY_PORT']), '127.0.0.1');
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
