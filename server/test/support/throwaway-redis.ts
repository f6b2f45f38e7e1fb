import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../reliability/support/server-process';

const REDIS_SERVER = process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server';

export function throwawayRedisUnavailable(): string | undefined {
  const missing = existsSync(REDIS_SERVER) ? undefined : `redis-server is not at ${REDIS_SERVER} (set REDIS_SERVER)`;
  if (missing && process.env['CI'] === 'true') throw new Error(`The Redis outage test must run under CI, but ${missing}`);
  return missing;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A Redis of a test's own, on a spare port, keeping nothing on disk, so the test may stop and start it. */
export class ThrowawayRedis {
  private process?: ChildProcess;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async create(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await freePort());
    await redis.start();
    return redis;
  }

  async start(): Promise<void> {
    this.process = spawn(REDIS_SERVER, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (const started = Date.now(); Date.now() - started < 10_000; await sleep(50)) {
      if (await answers(this.port)) return;
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const running = this.process;
    this.process = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }
}
