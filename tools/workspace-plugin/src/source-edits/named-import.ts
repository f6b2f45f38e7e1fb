import { applyChangesToString, ChangeType, StringChange } from '@nx/devkit';
import * as ts from 'typescript';

/** Whether `source` has a named import of `name` (`import { name } from '…'`), from any path. */
export function importsName(source: ts.SourceFile, name: string): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === name),
  );
}

/**
 * `text` with `import { name } from 'importPath';` added, unless it imports `name` already: before
 * the first relative import whose path sorts after `importPath`, so relative imports stay in path
 * order, or else after the last import.
 */
export function withNamedImport(filePath: string, text: string, name: string, importPath: string): string {
  const source = ts.createSourceFile(filePath, text, ts.ScriptTarget.Latest, true);
  if (importsName(source, name)) return text;
  return applyChangesToString(text, [importDeclaration(source, name, importPath)]);
}

function importDeclaration(source: ts.SourceFile, name: string, importPath: string): StringChange {
  const declarations = source.statements.filter(ts.isImportDeclaration);
  const text = `import { ${name} } from '${importPath}';\n`;
  const specifier = (declaration: ts.ImportDeclaration) => (declaration.moduleSpecifier as ts.StringLiteral).text;
  const next = declarations.find((declaration) => specifier(declaration).startsWith('.') && specifier(declaration) > importPath);
  if (next) return { type: ChangeType.Insert, index: next.getStart(source), text };
  const last = declarations[declarations.length - 1];
  if (last) return { type: ChangeType.Insert, index: last.getEnd(), text: `\n${text.trimEnd()}` };
  return { type: ChangeType.Insert, index: 0, text };
}
