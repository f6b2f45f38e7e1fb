import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { registerRepositoryContract } from './register-repository-contract';

const CONTRACT_SPEC = 'server/test/contracts/repositories.contract.spec.ts';

const SPEC = `import { STORE_NAMES } from '../support/store-fixtures';
import { catalogContract } from './catalog.contract';
import { openStoreUnderTest, StoreUnderTest } from './store-under-test';
import { transactionsContract } from './transactions.contract';
import { usersContract } from './users.contract';

for (const storeName of STORE_NAMES) {
  describe(\`repository contract on the \${storeName} store\`, () => {
    let store: StoreUnderTest;
    const current = () => store;

    beforeAll(async () => {
      store = await openStoreUnderTest(storeName);
    });

    usersContract(current);
    catalogContract(current, { seeded: storeName !== 'memory' });
    if (storeName !== 'memory') transactionsContract(current);
  });
}
`;

function treeWith(spec: string): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(CONTRACT_SPEC, spec);
  return tree;
}

describe('registerRepositoryContract', () => {
  it('calls the contract after the last one every store runs, relational on the PostgreSQL stores, and imports it in path order', () => {
    const tree = treeWith(SPEC);

    registerRepositoryContract(tree, CONTRACT_SPEC, 'watchPartiesContract', './watch-party.contract');

    expect(tree.read(CONTRACT_SPEC, 'utf-8')).toBe(
      SPEC.replace(
        "import { usersContract } from './users.contract';\n",
        "import { usersContract } from './users.contract';\nimport { watchPartiesContract } from './watch-party.contract';\n",
      ).replace(
        "    catalogContract(current, { seeded: storeName !== 'memory' });\n",
        "    catalogContract(current, { seeded: storeName !== 'memory' });\n    watchPartiesContract(current, { relational: storeName !== 'memory' });\n",
      ),
    );
  });

  it('is idempotent', () => {
    const tree = treeWith(SPEC);

    registerRepositoryContract(tree, CONTRACT_SPEC, 'watchPartiesContract', './watch-party.contract');
    const once = tree.read(CONTRACT_SPEC, 'utf-8') ?? '';
    registerRepositoryContract(tree, CONTRACT_SPEC, 'watchPartiesContract', './watch-party.contract');

    expect(tree.read(CONTRACT_SPEC, 'utf-8')).toBe(once);
    expect(once.match(/watchPartiesContract\(/g)).toHaveLength(1);
  });

  it('says plainly when the spec is missing, runs no contract, or runs them outside a loop over the stores', () => {
    expect(() => registerRepositoryContract(createTreeWithEmptyWorkspace(), CONTRACT_SPEC, 'partiesContract', './party.contract')).toThrow(
      `Cannot register partiesContract: ${CONTRACT_SPEC} does not exist`,
    );
    expect(() => registerRepositoryContract(treeWith("describe('nothing', () => undefined);\n"), CONTRACT_SPEC, 'partiesContract', './party.contract')).toThrow(
      `${CONTRACT_SPEC} calls no "…Contract(store)" to add it beside`,
    );
    expect(() =>
      registerRepositoryContract(treeWith("describe('memory', () => {\n  usersContract(current);\n});\n"), CONTRACT_SPEC, 'partiesContract', './party.contract'),
    ).toThrow('are not inside a "for (const name of …)" loop over the stores');
  });
});
