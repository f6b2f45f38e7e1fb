// The other suspect for the reset in load-with-faults.spec.ts: a request made with
// AbortSignal.timeout() finishes before its timer; its keep-alive socket goes back to the pool and
// carries the next request; then the timer fires. Does the abort destroy the socket under the next
// request? (It does reach the finished response, as an 'error' event there, which the test's client
// listens for; the question is the socket.)
//
//   node tools/experiments/abort-after-response.mjs   # expect 0 of 5 broken
import http from 'node:http';

const TRIALS = 5;
const server = http.createServer((request, response) => setTimeout(() => response.end('ok'), request.url === '/slow' ? 100 : 0));
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(path, signal) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, agent, signal }, (response) => {
      response.resume();
      // A late abort lands here, on a response already read to the end; the test's client listens too.
      response.on('error', () => undefined);
      response.on('end', () => resolve(request.reusedSocket));
    });
    request.on('error', reject);
    request.end();
  });
}

let broken = 0;
for (let trial = 1; trial <= TRIALS; trial++) {
  const signal = AbortSignal.timeout(30);
  await get('/fast', signal);
  // Same socket (one per agent); the fast request's abort fires 30 ms in, while this one is waiting.
  const outcome = await get('/slow').then((reused) => `answered (reused connection: ${reused})`, (error) => `${error.code ?? error.name}`);
  if (!outcome.startsWith('answered')) broken++;
  console.log(`trial ${trial}: ${outcome}; the earlier request's signal aborted meanwhile: ${signal.aborted}`);
}
console.log(`${broken} of ${TRIALS} requests broken by an earlier request's abort`);
agent.destroy();
server.close();
