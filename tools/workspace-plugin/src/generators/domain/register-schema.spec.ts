import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { registerSchema } from './register-schema';

const SCHEMA_INDEX = 'server/src/database/schema.ts';

const INDEX = `// Every table, for drizzle-kit.
export * from './activity-sequence.schema';
export * from '../users/users.schema';
export * from '../account/my-list.schema';
`;

function treeWith(index: string): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write(SCHEMA_INDEX, index);
  return tree;
}

describe('registerSchema', () => {
  it('re-exports the tables after the last re-export, leaving the rest of the index as it was', () => {
    const tree = treeWith(INDEX);

    registerSchema(tree, SCHEMA_INDEX, '../watch-party/watch-party.schema');

    expect(tree.read(SCHEMA_INDEX, 'utf-8')).toBe(`${INDEX}export * from '../watch-party/watch-party.schema';\n`);
  });

  it('is idempotent', () => {
    const tree = treeWith(INDEX);

    registerSchema(tree, SCHEMA_INDEX, '../watch-party/watch-party.schema');
    const once = tree.read(SCHEMA_INDEX, 'utf-8');
    registerSchema(tree, SCHEMA_INDEX, '../watch-party/watch-party.schema');

    expect(tree.read(SCHEMA_INDEX, 'utf-8')).toBe(once);
    expect(once?.match(/watch-party\.schema/g)).toHaveLength(1);
  });

  it('starts an index that re-exports nothing yet at its end', () => {
    const tree = treeWith('// Every table, for drizzle-kit.');

    registerSchema(tree, SCHEMA_INDEX, '../party/party.schema');

    expect(tree.read(SCHEMA_INDEX, 'utf-8')).toBe("// Every table, for drizzle-kit.\nexport * from '../party/party.schema';\n");
  });

  it('says plainly when there is no schema index', () => {
    expect(() => registerSchema(createTreeWithEmptyWorkspace(), SCHEMA_INDEX, '../party/party.schema')).toThrow(
      `Cannot register the tables of ../party/party.schema: ${SCHEMA_INDEX} does not exist`,
    );
  });
});
