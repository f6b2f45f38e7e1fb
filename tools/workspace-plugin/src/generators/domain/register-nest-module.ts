import { applyChangesToString, Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { appendArrayElement } from '../../source-edits/array-element';
import { withNamedImport } from '../../source-edits/named-import';

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

  let updated = text;
  if (!importsArray.elements.some((element) => element.getText(source) === moduleClass)) {
    updated = applyChangesToString(updated, [appendArrayElement(source, importsArray, moduleClass)]);
  }
  updated = withNamedImport(modulePath, updated, moduleClass, importPath);
  if (updated !== text) tree.write(modulePath, updated);
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
