import { addProjectConfiguration, logger, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { domainGenerator } from './generator';

const APP_MODULE = 'server/src/app.module.ts';
const SCHEMA_INDEX = 'server/src/database/schema.ts';
const STORAGE_MODULE = 'server/src/storage/storage.module.ts';
const CONTRACT_SPEC = 'server/test/contracts/repositories.contract.spec.ts';

/** The files the generated code builds on, beside AppModule, as small as they can be and still say what they hold. */
const SERVER_FILES: Record<string, string> = {
  'server/src/users/users.schema.ts': `import { pgTable, text } from 'drizzle-orm/pg-core';

export const users = pgTable('users', { id: text('id').primaryKey() });
`,
  'server/src/account/ratings.schema.ts': `import { pgTable, text } from 'drizzle-orm/pg-core';

export const ratings = pgTable('ratings', { userId: text('user_id').notNull() });
`,
  'server/src/database/activity-sequence.schema.ts': `import { pgSequence } from 'drizzle-orm/pg-core';

export const activitySequence = pgSequence('activity_seq');
`,
  'server/src/database/database-client.ts': 'export abstract class DatabaseClient {}\n',
  [SCHEMA_INDEX]: `// Every table, for drizzle-kit.
export * from './activity-sequence.schema';
export * from '../users/users.schema';
export * from '../account/ratings.schema';
`,
  [STORAGE_MODULE]: `import { Type } from '@nestjs/common';
import { InMemoryRatingsRepository } from '../account/in-memory-ratings.repository';
import { PostgresRatingsRepository } from '../account/postgres-ratings.repository';
import { RatingsRepository } from '../account/ratings.repository';

const PORTS: { port: abstract new (...args: never[]) => unknown; memory: Type; postgres: Type }[] = [
  { port: RatingsRepository, memory: InMemoryRatingsRepository, postgres: PostgresRatingsRepository },
];
`,
  [CONTRACT_SPEC]: `import { STORE_NAMES } from '../support/store-fixtures';
import { listsContract } from './lists.contract';
import { openStoreUnderTest, StoreUnderTest } from './store-under-test';

for (const name of STORE_NAMES) {
  describe(\`repository contract on the \${name} store\`, () => {
    let store: StoreUnderTest;
    const current = () => store;

    beforeAll(async () => {
      store = await openStoreUnderTest(name);
    });

    listsContract(current);
  });
}
`,
};

const ONE_LINE_APP_MODULE = `import { DynamicModule, Module } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { TitleModule } from './title/title.module';

@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [AccountModule, TitleModule],
    };
  }
}
`;

const MULTILINE_APP_MODULE = `import { Module } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { ZebraModule } from './zebra/zebra.module';

@Module({
  imports: [
    AccountModule,
    ZebraModule,
  ],
})
export class AppModule {}
`;

function workspaceWithServer(appModule = ONE_LINE_APP_MODULE): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'server', { root: 'server', sourceRoot: 'server/src', projectType: 'application', targets: {} });
  tree.write(APP_MODULE, appModule);
  for (const [path, content] of Object.entries(SERVER_FILES)) tree.write(path, content);
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('domain generator', () => {
  it('scaffolds the module the way the existing domains are laid out: kebab files, one class each, both stores side by side, DTOs in dto/', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    expect(tree.children('server/src/watch-party').sort()).toEqual([
      'dto',
      'in-memory-watch-party.repository.ts',
      'postgres-watch-party.repository.ts',
      'watch-party.controller.ts',
      'watch-party.module.ts',
      'watch-party.repository.ts',
      'watch-party.schema.ts',
      'watch-party.service.spec.ts',
      'watch-party.service.ts',
      'watch-party.ts',
    ]);
    expect(tree.children('server/src/watch-party/dto').sort()).toEqual(['create-watch-party.dto.ts', 'watch-party-list.dto.ts', 'watch-party.dto.ts']);
    expect(tree.exists('server/test/watch-party.api.spec.ts')).toBe(true);
    expect(tree.exists('server/test/contracts/watch-party.contract.ts')).toBe(true);
  });

  it('names classes in Pascal case, members in camel case, and routes and operation ids in the plural', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    const controller = read(tree, 'server/src/watch-party/watch-party.controller.ts');
    expect(controller).toContain("@Controller('watch-parties')");
    expect(controller).toContain('export class WatchPartyController');
    expect(controller).toContain("operationId: 'listWatchParties'");
    expect(controller).toContain("operationId: 'createWatchParty'");
    expect(controller).toContain('@ApiBearerAuth()');
    expect(controller).toContain('@ApiErrors(400, 401)');
    expect(controller).toContain('private readonly watchParties: WatchPartyService');
    expect(read(tree, 'server/src/watch-party/watch-party.repository.ts')).toContain('export abstract class WatchPartyRepository');
    expect(read(tree, 'server/test/watch-party.api.spec.ts')).toContain("describe('Watch party API'");
  });

  it('leaves the repository to StorageModule: the module provides only its service', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    const module = read(tree, 'server/src/watch-party/watch-party.module.ts');
    expect(module).toContain('providers: [WatchPartyService],');
    expect(module).not.toMatch(/provide:|import \{ \w*Repository \}/);
  });

  it('writes a table owned by a user with its order from activity_seq, and both repositories of the port list by it', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    const schema = read(tree, 'server/src/watch-party/watch-party.schema.ts');
    expect(schema).toContain("export const watchParties = pgTable(\n  'watch_parties',");
    expect(schema).toContain("import { users } from '../users/users.schema';");
    expect(schema).toMatch(/ownerId: text\('owner_id'\)\s*\.notNull\(\)\s*\.references\(\(\) => users\.id, \{ onDelete: 'cascade' \}\)/);
    expect(schema).toMatch(/seq: bigint\('seq', \{ mode: 'number' \}\)\s*\.notNull\(\)\s*\.default\(sql`nextval\('activity_seq'\)`\)/);
    expect(schema).toContain("index('watch_parties_owner_seq_idx').on(table.ownerId, table.seq)");

    const port = read(tree, 'server/src/watch-party/watch-party.repository.ts');
    expect(port).toContain('export abstract class WatchPartyRepository');
    expect(port).toContain('newest first: the order adds were accepted, never a tie');
    expect(port).toContain('an id already\n   * stored is refused');
    expect(port).toContain('the PostgreSQL store also\n * refuses an owner who is not a user');

    const postgres = read(tree, 'server/src/watch-party/postgres-watch-party.repository.ts');
    expect(postgres).toContain('export class PostgresWatchPartyRepository extends WatchPartyRepository');
    expect(postgres).toContain("import { watchParties } from './watch-party.schema';");
    expect(postgres).toContain('constructor(private readonly database: DatabaseClient)');
    expect(postgres).toContain('.orderBy(desc(watchParties.seq))');

    const memory = read(tree, 'server/src/watch-party/in-memory-watch-party.repository.ts');
    expect(memory).toContain('export class InMemoryWatchPartyRepository extends WatchPartyRepository');
    expect(memory).toContain('is already stored');
  });

  it('writes the port’s contract for every store, relational checks only where the store is relational', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    const contract = read(tree, 'server/test/contracts/watch-party.contract.ts');
    expect(contract).toContain('export function watchPartiesContract(store: () => StoreUnderTest, options: { relational: boolean }): void {');
    expect(contract).toContain("describe('WatchPartyRepository', () => {");
    expect(contract).toContain('store().port(WatchPartyRepository)');
    expect(contract).toContain("import { WatchPartyRepository } from '../../src/watch-party/watch-party.repository';");
    expect(contract).toContain("it('lists newest first by the order adds were accepted, even within one millisecond'");
    expect(contract).toMatch(/if \(options\.relational\) \{\n\s*it\('refuses a watch party whose owner is not a user'/);
  });

  it('registers the tables for drizzle-kit, the port in StorageModule’s PORTS table and the contract in the contract spec', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    expect(read(tree, SCHEMA_INDEX)).toBe(`${SERVER_FILES[SCHEMA_INDEX]}export * from '../watch-party/watch-party.schema';\n`);
    expect(read(tree, STORAGE_MODULE)).toBe(`import { Type } from '@nestjs/common';
import { InMemoryRatingsRepository } from '../account/in-memory-ratings.repository';
import { PostgresRatingsRepository } from '../account/postgres-ratings.repository';
import { RatingsRepository } from '../account/ratings.repository';
import { InMemoryWatchPartyRepository } from '../watch-party/in-memory-watch-party.repository';
import { PostgresWatchPartyRepository } from '../watch-party/postgres-watch-party.repository';
import { WatchPartyRepository } from '../watch-party/watch-party.repository';

const PORTS: { port: abstract new (...args: never[]) => unknown; memory: Type; postgres: Type }[] = [
  { port: RatingsRepository, memory: InMemoryRatingsRepository, postgres: PostgresRatingsRepository },
  { port: WatchPartyRepository, memory: InMemoryWatchPartyRepository, postgres: PostgresWatchPartyRepository },
];
`);
    expect(read(tree, CONTRACT_SPEC)).toBe(
      SERVER_FILES[CONTRACT_SPEC].replace(
        "import { openStoreUnderTest, StoreUnderTest } from './store-under-test';\n",
        "import { openStoreUnderTest, StoreUnderTest } from './store-under-test';\nimport { watchPartiesContract } from './watch-party.contract';\n",
      ).replace('    listsContract(current);\n', "    listsContract(current);\n    watchPartiesContract(current, { relational: name !== 'memory' });\n"),
    );
  });

  it('tells the user to generate the migration first, then the API contract', async () => {
    const tree = workspaceWithServer();
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    try {
      const afterWrite = await domainGenerator(tree, { name: 'watch-party' });
      expect(info).not.toHaveBeenCalled();

      afterWrite();

      const message = info.mock.calls.map((call) => String(call[0])).join('\n');
      expect(message).toMatch(/npm run db:generate -- --name=watch_parties[\s\S]*watch_parties table[\s\S]*npm run openapi\n[\s\S]*GET and POST \/watch-parties/);
    } finally {
      info.mockRestore();
    }
  });

  it('leaves no template syntax or template suffix behind', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    const written = tree.listChanges().filter((change) => change.type !== 'DELETE' && change.path.startsWith('server/'));
    for (const change of written) {
      expect(change.path).not.toMatch(/__|tmpl/);
      expect(change.content?.toString()).not.toMatch(/<%|%>/);
    }
  });

  it('registers the module in AppModule: the import in path order and the class at the end of a one-line array', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    expect(read(tree, APP_MODULE)).toBe(
      ONE_LINE_APP_MODULE.replace(
        "import { TitleModule } from './title/title.module';\n",
        "import { TitleModule } from './title/title.module';\nimport { WatchPartyModule } from './watch-party/watch-party.module';\n",
      ).replace('imports: [AccountModule, TitleModule]', 'imports: [AccountModule, TitleModule, WatchPartyModule]'),
    );
  });

  it('keeps a one-element-a-line imports array that way, and sorts the import before later paths', async () => {
    const tree = workspaceWithServer(MULTILINE_APP_MODULE);

    await domainGenerator(tree, { name: 'party' });

    expect(read(tree, APP_MODULE)).toBe(`import { Module } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { PartyModule } from './party/party.module';
import { ZebraModule } from './zebra/zebra.module';

@Module({
  imports: [
    AccountModule,
    ZebraModule,
    PartyModule,
  ],
})
export class AppModule {}
`);
    expect(read(tree, 'server/src/party/party.controller.ts')).toContain("@Controller('parties')");
  });

  it('accepts a Pascal-case name and an explicit plural', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'Person', plural: 'people' });

    const controller = read(tree, 'server/src/person/person.controller.ts');
    expect(controller).toContain("@Controller('people')");
    expect(controller).toContain("operationId: 'listPeople'");
    expect(controller).toContain("operationId: 'createPerson'");
    expect(read(tree, 'server/src/person/person.schema.ts')).toContain("export const people = pgTable(\n  'people',");
    expect(read(tree, CONTRACT_SPEC)).toContain("peopleContract(current, { relational: name !== 'memory' });");
  });

  it('refuses a domain that already exists, and a name that cannot be a file name', async () => {
    const tree = workspaceWithServer();
    await domainGenerator(tree, { name: 'watch-party' });

    await expect(domainGenerator(tree, { name: 'watch-party' })).rejects.toThrow('server/src/watch-party already exists');
    await expect(domainGenerator(workspaceWithServer(), { name: '42-things' })).rejects.toThrow('cannot be a name');
  });

  it('says plainly when AppModule has nowhere to register the module', async () => {
    const tree = workspaceWithServer('export class AppModule {}\n');

    await expect(domainGenerator(tree, { name: 'watch-party' })).rejects.toThrow(/no "imports: \[\.\.\.\]" array/);
  });

  it('refuses a table, or a schema export, that another domain already has', async () => {
    await expect(domainGenerator(workspaceWithServer(), { name: 'rating' })).rejects.toThrow(
      'server/src/account/ratings.schema.ts already exports "ratings"; pick another name or --plural',
    );
    const tree = workspaceWithServer();
    tree.write('server/src/party/party-table.schema.ts', "import { pgTable } from 'drizzle-orm/pg-core';\n\nexport const partyRows = pgTable('watch_parties', {});\n");
    await expect(domainGenerator(tree, { name: 'watch-party' })).rejects.toThrow(
      'server/src/party/party-table.schema.ts already defines the table "watch_parties"; pick another name or --plural',
    );
    await expect(domainGenerator(tree, { name: 'watch-party', plural: 'watch-gatherings' })).resolves.toEqual(expect.any(Function));
  });

  it('says plainly when the server lacks what the generated repositories build on', async () => {
    const tree = workspaceWithServer();
    tree.delete('server/src/users/users.schema.ts');

    await expect(domainGenerator(tree, { name: 'watch-party' })).rejects.toThrow('The generated repositories need server/src/users/users.schema.ts, which does not exist');
  });
});
