import { applyChangesToString, ChangeType, Tree } from '@nx/devkit';
import * as ts from 'typescript';

/**
 * Re-exports a domain's tables from the schema index drizzle-kit reads (`export * from '…';` after
 * the last re-export there), so the next `db:generate` writes their migration. Idempotent.
 */
export function registerSchema(tree: Tree, schemaIndexPath: string, tablesModulePath: string): void {
  const text = tree.read(schemaIndexPath, 'utf-8');
  if (text === null) throw new Error(`Cannot register the tables of ${tablesModulePath}: ${schemaIndexPath} does not exist`);
  const source = ts.createSourceFile(schemaIndexPath, text, ts.ScriptTarget.Latest, true);
  const reExports = source.statements.filter(
    (statement): statement is ts.ExportDeclaration & { moduleSpecifier: ts.StringLiteral } =>
      ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier),
  );
  if (reExports.some((statement) => statement.moduleSpecifier.text === tablesModulePath)) return;

  const declaration = `export * from '${tablesModulePath}';`;
  const last = reExports[reExports.length - 1];
  const change = last
    ? { type: ChangeType.Insert as const, index: last.getEnd(), text: `\n${declaration}` }
    : { type: ChangeType.Insert as const, index: text.length, text: `${text === '' || text.endsWith('\n') ? '' : '\n'}${declaration}\n` };
  tree.write(schemaIndexPath, applyChangesToString(text, [change]));
}
