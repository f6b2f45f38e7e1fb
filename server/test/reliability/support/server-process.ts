import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MEDIA_DIR } from '../../support/test-app';

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const MAIN = resolve(WORKSPACE_ROOT, 'server/src/main.ts');

export interface ServerProcess {
  child: ChildProcess;
  port?: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Runs the real entry point, server/src/main.ts, in its own process (ts-node, no build needed). Its
 * embedded database lives in a fresh folder, removed when it exits, unless `env` names a DATA_DIR.
 */
export function spawnServer(env: Record<string, string>, port?: number): ServerProcess {
  const ownDataDir = env['DATA_DIR'] === undefined ? mkdtempSync(join(tmpdir(), 'server-process-')) : undefined;
  let out = '';
  let err = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', MAIN], {
    cwd: WORKSPACE_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      TS_NODE_PROJECT: resolve(WORKSPACE_ROOT, 'server/tsconfig.app.json'),
      MEDIA_DIR,
      ...(port === undefined ? {} : { PORT: String(port) }),
      LOG_REQUESTS: 'false',
      NO_COLOR: '1',
      ...(ownDataDir === undefined ? {} : { DATA_DIR: ownDataDir }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolveExit) =>
    child.once('exit', (code, signal) => {
      if (ownDataDir !== undefined) rmSync(ownDataDir, { recursive: true, force: true });
      resolveExit(code ?? signal ?? 'unknown');
    }),
  );
  return { child, port, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the process says it listens; fails with its output if it dies or takes too long. */
export async function untilListening(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let ended: number | string | undefined;
  void server.exited.then((code) => (ended = code));
  while (!/API on /.test(server.stdout())) {
    if (ended !== undefined) throw new Error(`server exited (${ended}) before listening:\n${server.stdout()}\n${server.stderr()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start within ${timeoutMs} ms:\n${server.stdout()}\n${server.stderr()}`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}
