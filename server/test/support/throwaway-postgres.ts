import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../reliability/support/server-process';

const run = promisify(execFile);
/** Debian keeps each major version's programs in its own folder; the newest one installed will do. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  return join(root, versions[0] ?? '15', 'bin');
}

const BIN = process.env['POSTGRES_BIN'] ?? postgresBin();

/** Why a throwaway server cannot be made here, or undefined when it can. */
export function throwawayPostgresUnavailable(): string | undefined {
  const missing = existsSync(join(BIN, 'initdb')) && existsSync(join(BIN, 'pg_ctl')) ? undefined : `PostgreSQL's initdb and pg_ctl are not in ${BIN} (set POSTGRES_BIN)`;
  // CI must run the outage test, so there a missing server is a failure, not a skip.
  if (missing && process.env['CI'] === 'true') throw new Error(`The outage test must run under CI, but ${missing}`);
  return missing;
}

/**
 * A PostgreSQL server of a test's own, in a temporary folder on a spare port, so the test may stop
 * and start it. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export class ThrowawayPostgres {
  private constructor(
    private readonly folder: string,
    readonly port: number,
    private readonly asPostgres: boolean,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<ThrowawayPostgres> {
    const folder = mkdtempSync(join(tmpdir(), 'throwaway-pg-'));
    const asPostgres = userInfo().uid === 0;
    if (asPostgres) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: group } = await run('id', ['-g', 'postgres']);
      chownSync(folder, Number(stdout.trim()), Number(group.trim()));
    }
    const server = new ThrowawayPostgres(folder, await freePort(), asPostgres);
    await server.command('initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
    await server.start();
    return server;
  }

  private get dataDir(): string {
    return join(this.folder, 'data');
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.folder} -c listen_addresses=127.0.0.1 -c max_connections=40`;
    await this.command('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.folder, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** Stops it the way a crash or an operator's fast stop does: open connections are cut. */
  async stop(): Promise<void> {
    await this.command('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.command('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private async command(program: string, args: string[]): Promise<void> {
    const binary = join(BIN, program);
    if (this.asPostgres) await run('runuser', ['-u', 'postgres', '--', binary, ...args]);
    else await run(binary, args);
  }
}
