import { applyChangesToString, ChangeType, Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { withNamedImport } from '../../source-edits/named-import';

const CONTRACT_FUNCTION = /Contract$/;

/**
 * Makes the repository contract spec run `contractFunction` on every store: imports it from
 * `importPath` and calls it after the last contract the spec runs unconditionally, with the same
 * store accessor and `{ relational }` true on the PostgreSQL stores (named by the `for…of` loop over
 * the stores around the calls). Idempotent.
 */
export function registerRepositoryContract(tree: Tree, specPath: string, contractFunction: string, importPath: string): void {
  const text = tree.read(specPath, 'utf-8');
  if (text === null) throw new Error(`Cannot register ${contractFunction}: ${specPath} does not exist`);
  const source = ts.createSourceFile(specPath, text, ts.ScriptTarget.Latest, true);

  let updated = text;
  if (!callsFunction(source, contractFunction)) {
    const lastCall = lastContractCall(source);
    if (!lastCall) throw new Error(`Cannot register ${contractFunction}: ${specPath} calls no "…Contract(store)" to add it beside`);
    const storeName = storeLoopVariable(lastCall.statement);
    if (!storeName) throw new Error(`Cannot register ${contractFunction}: the contracts in ${specPath} are not inside a "for (const name of …)" loop over the stores`);
    const lineStart = source.getPositionOfLineAndCharacter(source.getLineAndCharacterOfPosition(lastCall.statement.getStart(source)).line, 0);
    const indent = /^\s*/.exec(source.text.slice(lineStart, lastCall.statement.getStart(source)))?.[0] ?? '';
    const call = `${contractFunction}(${lastCall.accessor}, { relational: ${storeName} !== 'memory' });`;
    updated = applyChangesToString(updated, [{ type: ChangeType.Insert, index: lastCall.statement.getEnd(), text: `\n${indent}${call}` }]);
  }
  updated = withNamedImport(specPath, updated, contractFunction, importPath);
  if (updated !== text) tree.write(specPath, updated);
}

function callsFunction(node: ts.Node, name: string): boolean {
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) return true;
  return ts.forEachChild(node, (child) => callsFunction(child, name) || undefined) ?? false;
}

/** The last statement that is only a call like `usersContract(current)`, and the accessor it passes. */
function lastContractCall(source: ts.SourceFile): { statement: ts.ExpressionStatement; accessor: string } | undefined {
  let found: { statement: ts.ExpressionStatement; accessor: string } | undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isExpressionStatement(node) &&
      ts.isBlock(node.parent) &&
      ts.isCallExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      CONTRACT_FUNCTION.test(node.expression.expression.text) &&
      node.expression.arguments.length > 0 &&
      ts.isIdentifier(node.expression.arguments[0])
    ) {
      found = { statement: node, accessor: node.expression.arguments[0].text };
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `name` in `for (const name of STORE_NAMES) { … }` around `node`. */
function storeLoopVariable(node: ts.Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isForOfStatement(current) && ts.isVariableDeclarationList(current.initializer)) {
      const [declaration] = current.initializer.declarations;
      return declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
    }
  }
  return undefined;
}
