// The framework's own floor: Express 5 (the copy the API runs on, resolved through
// @nestjs/platform-express) with one route, the compared request's method and path, answering the
// status, headers and bytes the API sent (lib/captured-response.mjs) through res.send: Express's
// usual per-request work (router, req/res setup, freshness check) and nothing of ours.
import { createRequire } from 'node:module';
import { readCapturedResponse } from './lib/captured-response.mjs';

const requireFromNest = createRequire(createRequire(import.meta.url).resolve('@nestjs/platform-express'));
const express = requireFromNest('express');

const { status, headers, body } = readCapturedResponse(process.env.REPLAY_FILE);
const method = (process.env.REPLAY_METHOD ?? 'GET').toLowerCase();
const path = process.env.REPLAY_PATH ?? '/';

const app = express();
app.disable('x-powered-by');
app[method](path, (request, response) => {
  for (const [name, value] of headers) response.setHeader(name, value);
  response.status(status).send(body);
});
const server = app.listen(Number(process.env.REPLAY_PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
