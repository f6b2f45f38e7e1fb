import { request } from 'node:http';
import { connect } from 'node:net';
import { freePort, ServerProcess, spawnServer, untilListening } from './support/server-process';

interface Answer {
  status: number;
  body: string;
  finishedAt: number;
}

const SHUTDOWN_LIMIT_MS = 10_000;

/** One request on its own connection, so none of them can ride on a socket opened before the signal. */
function post(port: number, path: string, body: unknown): Promise<Answer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) } },
      (incoming) => {
        let received = '';
        incoming.on('data', (chunk: Buffer) => (received += chunk.toString()));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: received, finishedAt: Date.now() }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(text);
  });
}

/** A request whose body arrives only when `release` is called: it is mid-upload when the signal comes. */
function slowLogin(port: number, body: unknown): { release(): void; answer: Promise<Answer> } {
  const text = JSON.stringify(body);
  const socket = connect(port, '127.0.0.1');
  socket.write(`POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n`);
  const answer = new Promise<Answer>((resolve, reject) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status && received.includes('\r\n\r\n') && received.trimEnd().endsWith('}')) {
        resolve({ status: Number(status[1]), body: received.slice(received.indexOf('\r\n\r\n') + 4), finishedAt: Date.now() });
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
  return { release: () => socket.write(text), answer };
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

describe('Graceful shutdown of the real server process', () => {
  let server: ServerProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    // bcrypt at cost 12 makes each sign-up and sign-in take long enough to still be running at the signal.
    // Ten hashes at cost 12 queue behind each other: on a busy machine the last (the mid-upload sign-in)
    // waited past the default 3 s and got 503. The queue's limit has its own test; here it must not bite.
    server = spawnServer({ BCRYPT_ROUNDS: '12', HASH_QUEUE_MAX_WAIT_MS: '60000', JWT_SECRET: 'shutdown-test-secret-shutdown-test-secret' }, port);
    await untilListening(server);
  }, 90_000);

  afterAll(() => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  });

  it('on SIGTERM finishes in-flight requests normally, refuses new connections, and exits 0 within 10 s', async () => {
    const account = { email: 'drain@example.com', password: 'long enough password' };
    const signupStartedAt = Date.now();
    const firstSignup = await post(port, '/auth/signup', { ...account, name: 'Drain' });
    expect(firstSignup.status).toBe(201);
    // One bcrypt hash on this machine, roughly; the server runs them one or a few at a time.
    const oneHashMs = firstSignup.finishedAt - signupStartedAt;

    const signups = Array.from({ length: 4 }, (_, index) => post(port, '/auth/signup', { email: `drain${index}@example.com`, password: 'long enough password', name: `Drain ${index}` }));
    const logins = Array.from({ length: 4 }, () => post(port, '/auth/login', account));
    const wrongPassword = post(port, '/auth/login', { ...account, password: 'not the password' });
    const midUpload = slowLogin(port, account);
    const inFlight = [...signups, ...logins, wrongPassword];
    let settled = 0;
    for (const answer of inFlight) void answer.then(() => settled++, () => settled++);

    // Let the requests reach the server and start hashing, then signal well before the first hash
    // can have finished (a fixed wait raced the hash on a fast machine).
    await new Promise((wake) => setTimeout(wake, Math.min(250, Math.max(20, oneHashMs / 4))));
    expect(settled).toBe(0);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');

    let refusedAt: number | undefined;
    while (refusedAt === undefined && Date.now() - signalledAt < SHUTDOWN_LIMIT_MS) {
      if (await connectionRefused(port)) refusedAt = Date.now();
      else await new Promise((wake) => setTimeout(wake, 20));
    }
    midUpload.release();

    const answers = await Promise.all(inFlight);
    const exitCode = await server.exited;
    const exitedAt = Date.now();

    expect(answers.slice(0, 4).map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
    expect(answers.slice(4, 8).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    for (const answer of answers.slice(0, 8)) expect(JSON.parse(answer.body)).toEqual(expect.objectContaining({ jwt: expect.any(String), refreshToken: expect.any(String) }));
    expect(answers[8].status).toBe(401);
    expect(JSON.parse(answers[8].body)).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid email or password' });
    expect((await midUpload.answer).status).toBe(200);

    // The listener closed while the work was still being drained, not after it.
    expect(refusedAt).toBeDefined();
    expect(refusedAt).toBeLessThan(Math.max(...answers.map((answer) => answer.finishedAt)));
    expect(exitCode).toBe(0);
    expect(exitedAt - signalledAt).toBeLessThan(SHUTDOWN_LIMIT_MS);
    expect(server.stdout()).toMatch(/SIGTERM: draining requests/);
  }, 60_000);
});
