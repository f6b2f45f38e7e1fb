import { workspaceRoot } from '@nx/devkit';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const COPIED_FILES = ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json', 'jest.preset.js', 'eslint.config.mjs'];
const COPIED_FOLDERS = ['server', 'client', 'openapi', 'tools'];
/** Big or produced folders: linked (media, node_modules) or left out, never copied. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'coverage', 'server/media', 'client/e2e']);
const STEP_TIMEOUT_MS = 8 * 60_000;

/** A copy of the workspace's sources in a temporary folder, so generators can write without touching the real one. */
function copyWorkspace(): string {
  const copy = mkdtempSync(join(tmpdir(), 'streaming-generators-'));
  for (const file of COPIED_FILES) cpSync(join(workspaceRoot, file), join(copy, file));
  for (const folder of COPIED_FOLDERS) {
    cpSync(join(workspaceRoot, folder), join(copy, folder), {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(relative(workspaceRoot, source)) && !source.includes(`${join('/', 'node_modules')}`),
    });
  }
  symlinkSync(join(workspaceRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  symlinkSync(join(workspaceRoot, 'server/media'), join(copy, 'server/media'), 'dir');
  return copy;
}

/** The environment of a fresh shell in the copy: no Nx variables of the run that started this test. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NX_') && !name.startsWith('JEST_')));
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', NX_INTERACTIVE: 'false', FORCE_COLOR: '0', CI: 'true' };
}

describe('the generators in a copy of this workspace, through the real Nx CLI', () => {
  let copy: string;

  function run(command: string, args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(command, args, { cwd: copy, env: isolatedEnv(), timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve(`${stdout}\n${stderr}`);
      });
    });
  }

  beforeAll(() => {
    copy = copyWorkspace();
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('nx g domain watch-party writes a registered, documented module whose unit and API tests pass and whose code lints clean', async () => {
    await run('npx', ['nx', 'g', '@streaming/workspace-plugin:domain', 'watch-party', '--no-interactive']);

    expect(readFileSync(join(copy, 'server/src/app.module.ts'), 'utf-8')).toMatch(
      /import \{ WatchPartyModule \} from '\.\/watch-party\/watch-party\.module';[\s\S]*imports: \[[^\]]*, WatchPartyModule\]/,
    );
    const tests = await run('npx', ['jest', '-c', 'server/jest.config.cts', '--ci', 'server/src/watch-party', 'server/test/watch-party.api.spec.ts']);
    expect(tests).toMatch(/Test Suites: 2 passed, 2 total/);
    await run('npx', ['eslint', '-c', 'server/eslint.config.mjs', '--max-warnings=0', 'server/src/watch-party', 'server/test/watch-party.api.spec.ts', 'server/src/app.module.ts']);

    // The contract the generated client is made from documents both routes under their operation ids.
    await run('npx', ['ts-node', '--transpile-only', '-P', 'server/tsconfig.spec.json', 'tools/openapi/write-spec.ts']);
    const operationIds = [...readFileSync(join(copy, 'openapi/openapi.json'), 'utf-8').matchAll(/"operationId": "(\w+)"/g)].map((match) => match[1]);
    expect(operationIds).toEqual(expect.arrayContaining(['listWatchParties', 'createWatchParty']));
  }, STEP_TIMEOUT_MS);

  it('nx g feature watch-parties writes a routed page whose spec passes and whose code lints clean', async () => {
    await run('npx', ['nx', 'g', '@streaming/workspace-plugin:feature', 'watch-parties', '--no-interactive']);

    expect(readFileSync(join(copy, 'client/src/app/app.routes.ts'), 'utf-8')).toMatch(
      /path: 'watch-parties', canActivate: \[authGuard\][^\n]*\n\s*\{ path: '\*\*'/,
    );
    const tests = await run('npx', ['jest', '-c', 'client/jest.config.cts', '--ci', 'client/src/app/features/watch-parties']);
    expect(tests).toMatch(/Test Suites: 1 passed, 1 total/);
    await run('npx', ['eslint', '-c', 'client/eslint.config.mjs', '--max-warnings=0', 'client/src/app/features/watch-parties', 'client/src/app/app.routes.ts']);
  }, STEP_TIMEOUT_MS);
});
