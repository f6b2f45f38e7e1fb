// The framework's own floor: Express 5 — the copy the API runs on, resolved through
// @nestjs/platform-express — with one route answering the /catalog bytes through res.send, so with
// Express's usual per-request work (router, req/res setup, ETag, freshness) and nothing of ours.
// The distance from raw node:http to this is what Express costs before the API does anything.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const requireFromNest = createRequire(createRequire(import.meta.url).resolve('@nestjs/platform-express'));
const express = requireFromNest('express');

const body = readFileSync(process.env.RAW_BODY_FILE);
const contentType = process.env.RAW_CONTENT_TYPE ?? 'application/json; charset=utf-8';

const app = express();
app.disable('x-powered-by');
app.get('/', (request, response) => {
  response.type(contentType).send(body);
});
const server = app.listen(Number(process.env.RAW_PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
