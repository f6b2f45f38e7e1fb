import { applyChangesToString, ChangeType, StringChange, Tree } from '@nx/devkit';
import * as ts from 'typescript';

/**
 * Adds `moduleClass` to the first `imports: [...]` array of a Nest module file (the `@Module()`
 * metadata or what a `forRoot()` returns) and imports it from `importPath`, keeping the relative
 * imports in path order and the array on one line or one element a line, as it was. Idempotent.
 */
export function registerNestModule(tree: Tree, modulePath: string, moduleClass: string, importPath: string): void {
  const text = tree.read(modulePath, 'utf-8');
  if (text === null) throw new Error(`Cannot register ${moduleClass}: ${modulePath} does not exist`);
  const source = ts.createSourceFile(modulePath, text, ts.ScriptTarget.Latest, true);
  const importsArray = findImportsArray(source);
  if (!importsArray) throw new Error(`Cannot register ${moduleClass}: ${modulePath} has no "imports: [...]" array`);

  const changes: StringChange[] = [];
  if (!importsArray.elements.some((element) => element.getText(source) === moduleClass)) {
    changes.push(appendToArray(source, importsArray, moduleClass));
  }
  if (!importsName(source, moduleClass)) {
    changes.push(importDeclaration(source, moduleClass, importPath));
  }
  if (changes.length) tree.write(modulePath, applyChangesToString(text, changes));
}

function findImportsArray(node: ts.Node): ts.ArrayLiteralExpression | undefined {
  if (
    ts.isPropertyAssignment(node) &&
    ts.isIdentifier(node.name) &&
    node.name.text === 'imports' &&
    ts.isArrayLiteralExpression(node.initializer)
  ) {
    return node.initializer;
  }
  return ts.forEachChild(node, findImportsArray);
}

function importsName(source: ts.SourceFile, name: string): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === name),
  );
}

function appendToArray(source: ts.SourceFile, array: ts.ArrayLiteralExpression, element: string): StringChange {
  const last = array.elements[array.elements.length - 1];
  if (!last) return { type: ChangeType.Insert, index: array.getStart(source) + 1, text: element };
  const line = (position: number) => source.getLineAndCharacterOfPosition(position).line;
  const multiline = line(array.elements[0].getStart(source)) !== line(array.getStart(source));
  if (!multiline) return { type: ChangeType.Insert, index: last.getEnd(), text: `, ${element}` };
  const lastLineStart = source.getPositionOfLineAndCharacter(line(last.getStart(source)), 0);
  const indent = /^\s*/.exec(source.text.slice(lastLineStart, last.getStart(source)))?.[0] ?? '';
  return { type: ChangeType.Insert, index: last.getEnd(), text: `,\n${indent}${element}` };
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
