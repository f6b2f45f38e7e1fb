// The machine's limit: plain node:http answering every request with the status, headers and bytes
// the API sent for the compared request (lib/captured-response.mjs). No routing, auth or middleware.
import { createServer } from 'node:http';
import { readCapturedResponse } from './lib/captured-response.mjs';

const { status, headers, body } = readCapturedResponse(process.env.REPLAY_FILE);
const head = [...headers, ['content-length', String(body.length)]];

const server = createServer((request, response) => {
  response.writeHead(status, head);
  response.end(body);
});
server.listen(Number(process.env.REPLAY_PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
