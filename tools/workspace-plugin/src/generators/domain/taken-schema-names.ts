import { Tree, visitNotIgnoredFiles } from '@nx/devkit';
import * as ts from 'typescript';

/**
 * Refuses a table name, or the name of the constant that holds it, already used by a `*.schema.ts`
 * under `root`: drizzle-kit reads every one through a single `export *` index, where either clash
 * breaks the schema.
 */
export function refuseTakenSchemaNames(tree: Tree, root: string, tableName: string, tableConst: string): void {
  visitNotIgnoredFiles(tree, root, (path) => {
    if (!path.endsWith('.schema.ts')) return;
    const source = ts.createSourceFile(path, tree.read(path, 'utf-8') ?? '', ts.ScriptTarget.Latest, true);
    if (exportedNames(source).includes(tableConst)) throw new Error(`${path} already exports "${tableConst}"; pick another name or --plural`);
    if (tableNames(source).includes(tableName)) throw new Error(`${path} already defines the table "${tableName}"; pick another name or --plural`);
  });
}

function exportedNames(source: ts.SourceFile): string[] {
  return source.statements
    .filter(
      (statement): statement is ts.VariableStatement =>
        ts.isVariableStatement(statement) && (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false),
    )
    .flatMap((statement) => statement.declarationList.declarations.map((declaration) => declaration.name.getText(source)));
}

/** The first argument of every `pgTable('name', …)` call. */
function tableNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'pgTable') {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) names.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}
