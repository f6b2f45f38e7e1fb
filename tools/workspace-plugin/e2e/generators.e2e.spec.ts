import { workspaceRoot } from '@nx/devkit';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const COPIED_FILES = ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json', 'jest.preset.js', 'eslint.config.mjs'];
const COPIED_FOLDERS = ['server', 'client', 'openapi', 'tools'];
/** Big or produced folders: linked (media, node_modules) or left out, never copied. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'coverage', 'server/media', 'client/e2e']);
const STEP_TIMEOUT_MS = 8 * 60_000;
/** What the server's test target sets: PGlite is loaded with a dynamic import, which Jest runs only as a VM module. */
const SERVER_JEST_NODE_OPTIONS = '--experimental-vm-modules --disable-warning=ExperimentalWarning';
const STORES = ['memory', 'pglite', 'postgres'] as const;

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

/**
 * The environment of a fresh shell in the copy: no Nx variables of the run that started this test.
 * CI stays what it was, so the server's tests require a PostgreSQL server under CI and say they
 * skipped it elsewhere, as `npm test` does.
 */
function isolatedEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NX_') && !name.startsWith('JEST_')));
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', NX_INTERACTIVE: 'false', NX_TUI: 'false', FORCE_COLOR: '0' };
}

/** The parts of Jest's `--json` report these tests read. */
interface JestReport {
  numFailedTestSuites: number;
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
}

describe('the generators in a copy of this workspace, through the real Nx CLI', () => {
  let copy: string;

  function run(command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(command, args, { cwd: copy, env: { ...isolatedEnv(), ...extraEnv }, timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve(`${stdout}\n${stderr}`);
      });
    });
  }

  const read = (path: string) => readFileSync(join(copy, path), 'utf-8');

  beforeAll(() => {
    copy = copyWorkspace();
  });

  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('nx g domain watch-party, then db:generate, gives a registered module, table, port and contract whose unit, contract, migration and API tests pass and whose code lints clean', async () => {
    const migrationsFolder = 'server/src/database/migrations';
    const migrationsBefore = readdirSync(join(copy, migrationsFolder));

    const generated = await run('npx', ['nx', 'g', '@streaming/workspace-plugin:domain', 'watch-party', '--no-interactive']);
    expect(generated).toMatch(/npm run db:generate -- --name=watch_parties[\s\S]*npm run openapi/);

    const appModule = read('server/src/app.module.ts');
    expect(appModule).toContain("import { WatchPartyModule } from './watch-party/watch-party.module';");
    // The last of the imports, whether the array is on one line or one module a line.
    expect(appModule).toMatch(/imports: \[[^\]]*,\s*WatchPartyModule,?\s*\]/);
    expect(read('server/src/database/schema.ts')).toContain("export * from '../watch-party/watch-party.schema';");
    expect(read('server/src/storage/storage.module.ts')).toContain(
      '{ port: WatchPartyRepository, memory: InMemoryWatchPartyRepository, postgres: PostgresWatchPartyRepository }',
    );
    expect(read('server/src/watch-party/watch-party.module.ts')).not.toMatch(/provide:|import \{ \w*Repository \}/);
    expect(read('server/test/contracts/repositories.contract.spec.ts')).toMatch(/watchPartiesContract\(current, \{ relational: name !== 'memory' \}\);/);

    await run('npm', ['run', 'db:generate', '--', '--name=watch_parties']);
    const newMigrations = readdirSync(join(copy, migrationsFolder)).filter((name) => !migrationsBefore.includes(name));
    expect(newMigrations).toEqual([expect.stringMatching(/^\d{4}_watch_parties\.sql$/)]);
    const migration = read(join(migrationsFolder, newMigrations[0]));
    expect(migration).toContain('CREATE TABLE "watch_parties"');
    expect(migration).toContain(`"seq" bigint DEFAULT nextval('activity_seq') NOT NULL`);
    expect(migration).toMatch(/FOREIGN KEY \("owner_id"\) REFERENCES "public"\."users"\("id"\) ON DELETE cascade/);
    expect(migration).toContain('CREATE INDEX "watch_parties_owner_seq_idx"');

    // The API test runs on the embedded PostgreSQL, migrated from the folder above; the contract spec on every store.
    const reportPath = join(copy, 'tmp', 'watch-party-tests.json');
    await run(
      'npx',
      [
        'jest',
        '-c',
        'server/jest.config.cts',
        '--ci',
        '--json',
        `--outputFile=${reportPath}`,
        'server/src/watch-party',
        'server/test/watch-party.api.spec.ts',
        'server/test/contracts/repositories.contract.spec.ts',
        'server/src/database/migrations.spec.ts',
      ],
      { NODE_OPTIONS: SERVER_JEST_NODE_OPTIONS },
    );
    const report = JSON.parse(readFileSync(reportPath, 'utf-8')) as JestReport;
    expect(report.numFailedTestSuites).toBe(0);
    expect(report.testResults.map((suite) => relative(realpathSync(copy), suite.name)).sort()).toEqual([
      'server/src/database/migrations.spec.ts',
      'server/src/watch-party/watch-party.service.spec.ts',
      'server/test/contracts/repositories.contract.spec.ts',
      'server/test/watch-party.api.spec.ts',
    ]);
    for (const suite of report.testResults) {
      expect(suite.assertionResults.some((test) => test.status === 'passed')).toBe(true);
      expect(suite.assertionResults.filter((test) => test.status !== 'passed' && test.status !== 'pending')).toEqual([]);
    }
    const watchPartyContract = report.testResults.flatMap((suite) => suite.assertionResults).filter((test) => test.ancestorTitles.includes('WatchPartyRepository'));
    const onStore = (store: (typeof STORES)[number]) => watchPartyContract.filter((test) => test.ancestorTitles[0].startsWith(`repository contract on the ${store} store`));
    // Only the PostgreSQL server may be missing, and only outside CI.
    const serverSkipped = onStore('postgres').some((test) => test.ancestorTitles[0].startsWith('repository contract on the postgres store (not run:'));
    if (serverSkipped) expect(process.env['CI']).not.toBe('true');
    const relationalOnly = 'refuses a watch party whose owner is not a user';
    const everyStore = onStore('memory').map((test) => test.title);
    expect(everyStore.length).toBeGreaterThanOrEqual(5);
    expect(everyStore).not.toContain(relationalOnly);
    for (const store of STORES) {
      const expectedStatus = store === 'postgres' && serverSkipped ? 'pending' : 'passed';
      expect(onStore(store).map((test) => test.status)).toEqual(onStore(store).map(() => expectedStatus));
      expect(onStore(store).map((test) => test.title).sort()).toEqual((store === 'memory' ? everyStore : [...everyStore, relationalOnly]).sort());
    }

    await run('npx', [
      'eslint',
      '-c',
      'server/eslint.config.mjs',
      '--max-warnings=0',
      'server/src/watch-party',
      'server/test/watch-party.api.spec.ts',
      'server/test/contracts',
      'server/src/app.module.ts',
      'server/src/storage/storage.module.ts',
      'server/src/database/schema.ts',
    ]);

    // The next step the generator names: the contract and the client generated from it have both routes.
    await run('npm', ['run', 'openapi']);
    const operationIds = [...read('openapi/openapi.json').matchAll(/"operationId": "(\w+)"/g)].map((match) => match[1]);
    expect(operationIds).toEqual(expect.arrayContaining(['listWatchParties', 'createWatchParty']));
    for (const operation of ['list-watch-parties', 'create-watch-party']) {
      expect(existsSync(join(copy, 'openapi/src/generated/fn/watch-party', `${operation}.ts`))).toBe(true);
    }
  }, STEP_TIMEOUT_MS);

  it('nx g feature watch-parties --operation getMyList writes a routed page wired to that operation, whose spec passes, lints clean, and fails when the wiring breaks', async () => {
    await run('npx', ['nx', 'g', '@streaming/workspace-plugin:feature', 'watch-parties', '--operation', 'getMyList', '--no-interactive']);

    expect(readFileSync(join(copy, 'client/src/app/app.routes.ts'), 'utf-8')).toMatch(
      /path: 'watch-parties', canActivate: \[authGuard\][^\n]*\n\s*\{ path: '\*\*'/,
    );
    const tests = await run('npx', ['jest', '-c', 'client/jest.config.cts', '--ci', 'client/src/app/features/watch-parties']);
    expect(tests).toMatch(/Test Suites: 1 passed, 1 total/);
    await run('npx', ['eslint', '-c', 'client/eslint.config.mjs', '--max-warnings=0', 'client/src/app/features/watch-parties', 'client/src/app/app.routes.ts']);

    // Rewired to another operation, the page no longer makes the request its spec expects.
    const pagePath = join(copy, 'client/src/app/features/watch-parties/watch-parties-page.ts');
    const page = readFileSync(pagePath, 'utf-8');
    expect(page).toContain('this.api.invoke(getMyList)');
    writeFileSync(pagePath, page.replace('import { Api, getMyList,', 'import { Api, getHistory, getMyList,').replace('this.api.invoke(getMyList)', 'this.api.invoke(getHistory)'));
    await expect(run('npx', ['jest', '-c', 'client/jest.config.cts', '--ci', 'client/src/app/features/watch-parties'])).rejects.toThrow(/Expected one matching request/);
  }, STEP_TIMEOUT_MS);
});
