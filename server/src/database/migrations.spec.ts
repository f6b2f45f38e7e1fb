import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { migrationsFolder } from './migrations';

const run = promisify(execFile);
const WORKSPACE = resolve(__dirname, '../../..');

describe('the committed migrations', () => {
  it('match the schema: drizzle-kit finds nothing left to generate', async () => {
    // drizzle-kit wants a path relative to where it runs; a scratch copy under tmp/ keeps the real folder untouched.
    const scratch = join(WORKSPACE, 'tmp', `migrations-check-${process.pid}`);
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    cpSync(migrationsFolder(), scratch, { recursive: true });
    const before = readdirSync(scratch).sort();
    try {
      const { stdout } = await run(
        process.execPath,
        [require.resolve('drizzle-kit/bin.cjs'), 'generate', '--dialect=postgresql', `--schema=${relative(WORKSPACE, join(__dirname, 'schema.ts'))}`, `--out=${relative(WORKSPACE, scratch)}`],
        { cwd: WORKSPACE },
      );
      expect(stdout).toContain('No schema changes');
      expect(readdirSync(scratch).sort()).toEqual(before);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 60_000);

  it('are listed in the journal, one SQL file each, none edited into another name', () => {
    const journal = JSON.parse(readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const files = readdirSync(migrationsFolder()).filter((name) => name.endsWith('.sql'));
    expect(files.sort()).toEqual(journal.entries.map((entry) => `${entry.tag}.sql`).sort());
  });
});
