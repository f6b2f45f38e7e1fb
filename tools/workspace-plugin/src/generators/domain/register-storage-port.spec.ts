import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { registerStoragePort, StoragePort } from './register-storage-port';

const STORAGE_MODULE = 'server/src/storage/storage.module.ts';

const ONE_ROW_A_LINE = `import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { InMemoryMyListRepository } from '../account/in-memory-my-list.repository';
import { MyListRepository } from '../account/my-list.repository';
import { PostgresMyListRepository } from '../account/postgres-my-list.repository';
import { Transactions } from '../common/transactions/transactions';
import { DatabaseTransactions } from '../database/database-transactions.service';
import { ImmediateTransactions } from '../common/transactions/immediate-transactions.service';
import { InMemoryZebraRepository } from '../zebra/in-memory-zebra.repository';

/** Each port and its implementation in either store. */
const PORTS: { port: abstract new (...args: never[]) => unknown; memory: Type; postgres: Type }[] = [
  { port: MyListRepository, memory: InMemoryMyListRepository, postgres: PostgresMyListRepository },
  { port: Transactions, memory: ImmediateTransactions, postgres: DatabaseTransactions },
];

@Global()
@Module({})
export class StorageModule {}
`;

const WATCH_PARTY: StoragePort = {
  port: { className: 'WatchPartyRepository', importPath: '../watch-party/watch-party.repository' },
  memory: { className: 'InMemoryWatchPartyRepository', importPath: '../watch-party/in-memory-watch-party.repository' },
  postgres: { className: 'PostgresWatchPartyRepository', importPath: '../watch-party/postgres-watch-party.repository' },
};

function treeWith(storageModule: string): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(STORAGE_MODULE, storageModule);
  return tree;
}

describe('registerStoragePort', () => {
  it('adds the row at the end of a one-row-a-line PORTS table and imports the three classes in path order', () => {
    const tree = treeWith(ONE_ROW_A_LINE);

    registerStoragePort(tree, STORAGE_MODULE, WATCH_PARTY);

    expect(tree.read(STORAGE_MODULE, 'utf-8')).toBe(
      ONE_ROW_A_LINE.replace(
        "import { InMemoryZebraRepository } from '../zebra/in-memory-zebra.repository';\n",
        "import { InMemoryWatchPartyRepository } from '../watch-party/in-memory-watch-party.repository';\n" +
          "import { PostgresWatchPartyRepository } from '../watch-party/postgres-watch-party.repository';\n" +
          "import { WatchPartyRepository } from '../watch-party/watch-party.repository';\n" +
          "import { InMemoryZebraRepository } from '../zebra/in-memory-zebra.repository';\n",
      ).replace(
        '  { port: Transactions, memory: ImmediateTransactions, postgres: DatabaseTransactions },\n',
        '  { port: Transactions, memory: ImmediateTransactions, postgres: DatabaseTransactions },\n' +
          '  { port: WatchPartyRepository, memory: InMemoryWatchPartyRepository, postgres: PostgresWatchPartyRepository },\n',
      ),
    );
  });

  it('keeps a one-line table on one line', () => {
    const tree = treeWith(`import { Type } from '@nestjs/common';
import { MyListRepository } from '../account/my-list.repository';

const PORTS: { port: unknown; memory: Type; postgres: Type }[] = [{ port: MyListRepository, memory: A, postgres: B }];
`);

    registerStoragePort(tree, STORAGE_MODULE, WATCH_PARTY);

    expect(tree.read(STORAGE_MODULE, 'utf-8')).toContain(
      'const PORTS: { port: unknown; memory: Type; postgres: Type }[] = [{ port: MyListRepository, memory: A, postgres: B }, ' +
        '{ port: WatchPartyRepository, memory: InMemoryWatchPartyRepository, postgres: PostgresWatchPartyRepository }];',
    );
  });

  it('is idempotent: a port already in the table is neither added nor imported twice', () => {
    const tree = treeWith(ONE_ROW_A_LINE);

    registerStoragePort(tree, STORAGE_MODULE, WATCH_PARTY);
    const once = tree.read(STORAGE_MODULE, 'utf-8') ?? '';
    registerStoragePort(tree, STORAGE_MODULE, WATCH_PARTY);

    expect(tree.read(STORAGE_MODULE, 'utf-8')).toBe(once);
    expect(once.match(/\{ port: WatchPartyRepository,/g)).toHaveLength(1);
    expect(once.match(/import \{ PostgresWatchPartyRepository \}/g)).toHaveLength(1);
  });

  it('says plainly when the module or its PORTS table is missing', () => {
    expect(() => registerStoragePort(createTreeWithEmptyWorkspace(), STORAGE_MODULE, WATCH_PARTY)).toThrow(
      `Cannot register the WatchPartyRepository port: ${STORAGE_MODULE} does not exist`,
    );
    expect(() => registerStoragePort(treeWith('export class StorageModule {}\n'), STORAGE_MODULE, WATCH_PARTY)).toThrow(
      `Cannot register the WatchPartyRepository port: ${STORAGE_MODULE} has no "const PORTS = [...]" table`,
    );
  });
});
