// The experiment behind the API's 65 s keep-alive timeout (server/src/common/http/connection-timeouts.ts).
//
// Node's server closes an idle keep-alive connection about a second after `keepAliveTimeout`
// (5 s by default, so at ~6 s). Node's Agent keeps idle sockets with no time limit of its own: it
// ignores the server's `Keep-Alive: timeout=` hint unless given a `timeout`. When a busy event-loop
// turn carries the clock past the server's deadline, the server's idle timer and the client's next
// request run in the same turn: the server closes, the client writes down the closed connection, and
// the request fails with ECONNRESET. This reproduces that schedule on purpose.
//
//   node tools/experiments/keep-alive-race.mjs 5000    # Node's default: every trial is reset
//   node tools/experiments/keep-alive-race.mjs 65000   # the API's setting: none is
import http from 'node:http';

const keepAliveTimeout = Number(process.argv[2] ?? 5000);
/** When the client sends its next request, measured from the previous response: just past Node's close of a 5 s connection. */
const NEXT_REQUEST_MS = 6050;
const TRIALS = 5;

const server = http.createServer((_request, response) => response.end('ok'));
server.keepAliveTimeout = keepAliveTimeout;
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get() {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(request.reusedSocket));
    });
    request.on('error', (error) => reject(Object.assign(error, { reused: request.reusedSocket })));
    request.end();
  });
}

let resets = 0;
for (let trial = 1; trial <= TRIALS; trial++) {
  await get();
  const outcome = await new Promise((resolve) => {
    // A loop turn kept busy for 300 ms (a GC pause, a burst of work) carries the clock past the deadline...
    setTimeout(() => {
      const until = Date.now() + 300;
      while (Date.now() < until);
    }, NEXT_REQUEST_MS - 150);
    // ...so the server's idle timer and this request come due in the same turn.
    setTimeout(() => get().then((reused) => resolve(`answered (reused connection: ${reused})`), (error) => resolve(`${error.code} (reused connection: ${error.reused})`)), NEXT_REQUEST_MS);
  });
  if (!outcome.startsWith('answered')) resets++;
  console.log(`trial ${trial}: ${outcome}`);
}
console.log(`keepAliveTimeout ${keepAliveTimeout} ms: ${resets} of ${TRIALS} requests reset`);
agent.destroy();
server.close();
