import { applyChangesToString, Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { appendArrayElement } from '../../source-edits/array-element';
import { withNamedImport } from '../../source-edits/named-import';

/** A class and the path the storage module imports it from. */
export interface ImportedClass {
  className: string;
  importPath: string;
}

/** A port (the abstract class services inject) and its implementation in each store. */
export interface StoragePort {
  port: ImportedClass;
  memory: ImportedClass;
  postgres: ImportedClass;
}

const PORTS_TABLE = 'PORTS';

/**
 * Adds `{ port, memory, postgres }` to the storage module's `PORTS` table, which decides from
 * `STORE` which implementation every port gets, and imports the three classes. Idempotent: a port
 * already in the table is left as it is.
 */
export function registerStoragePort(tree: Tree, storageModulePath: string, entry: StoragePort): void {
  const what = `the ${entry.port.className} port`;
  const text = tree.read(storageModulePath, 'utf-8');
  if (text === null) throw new Error(`Cannot register ${what}: ${storageModulePath} does not exist`);
  const source = ts.createSourceFile(storageModulePath, text, ts.ScriptTarget.Latest, true);
  const ports = findPortsTable(source);
  if (!ports) throw new Error(`Cannot register ${what}: ${storageModulePath} has no "const ${PORTS_TABLE} = [...]" table`);

  let updated = text;
  if (!ports.elements.some((element) => portOf(element) === entry.port.className)) {
    const row = `{ port: ${entry.port.className}, memory: ${entry.memory.className}, postgres: ${entry.postgres.className} }`;
    updated = applyChangesToString(updated, [appendArrayElement(source, ports, row)]);
  }
  for (const { className, importPath } of [entry.port, entry.memory, entry.postgres]) {
    updated = withNamedImport(storageModulePath, updated, className, importPath);
  }
  if (updated !== text) tree.write(storageModulePath, updated);
}

function findPortsTable(source: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === PORTS_TABLE && declaration.initializer && ts.isArrayLiteralExpression(declaration.initializer)) {
        return declaration.initializer;
      }
    }
  }
  return undefined;
}

/** The `port:` of a table row, as written. */
function portOf(element: ts.Expression): string | undefined {
  if (!ts.isObjectLiteralExpression(element)) return undefined;
  const port = element.properties.find(
    (property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'port',
  );
  return port?.initializer.getText();
}
