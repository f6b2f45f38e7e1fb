// The floor the API is compared with: plain node:http answering every request with the bytes the
// API returned for GET /catalog, with the same Content-Type. No routing, auth or middleware.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.env.RAW_BODY_FILE);
const headers = { 'Content-Type': process.env.RAW_CONTENT_TYPE ?? 'application/json; charset=utf-8', 'Content-Length': body.length };

const server = createServer((request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(Number(process.env.RAW_PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
