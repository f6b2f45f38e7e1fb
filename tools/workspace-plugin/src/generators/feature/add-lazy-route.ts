import { applyChangesToString, ChangeType, StringChange, Tree } from '@nx/devkit';
import * as ts from 'typescript';
import { importsName } from '../../source-edits/named-import';

export interface LazyRoute {
  path: string;
  title: string;
  /** Relative to the routes file, without extension: `./features/watch-parties/watch-parties-page`. */
  componentPath: string;
  componentClass: string;
}

const GUARD = 'authGuard';

/**
 * Adds a lazy `loadComponent` route guarded by `authGuard` to the exported `Route[]` array of
 * `routesPath`, before the `'**'` catch-all (which has to stay last to match last), and imports the
 * guard if the file does not yet. Idempotent: a path already routed is left alone.
 */
export function addLazyRoute(tree: Tree, routesPath: string, route: LazyRoute): void {
  const text = tree.read(routesPath, 'utf-8');
  if (text === null) throw new Error(`Cannot add the ${route.path} route: ${routesPath} does not exist`);
  const source = ts.createSourceFile(routesPath, text, ts.ScriptTarget.Latest, true);
  const routes = findRoutesArray(source);
  if (!routes) throw new Error(`Cannot add the ${route.path} route: ${routesPath} has no exported Route[] array`);
  if (routes.elements.some((element) => routePath(element) === route.path)) return;

  const entry =
    `{ path: '${route.path}', canActivate: [${GUARD}], title: ${singleQuoted(route.title)}, ` +
    `loadComponent: () => import('${route.componentPath}').then((m) => m.${route.componentClass}) }`;
  const changes: StringChange[] = [insertRoute(source, routes, entry)];
  if (!importsName(source, GUARD)) {
    changes.push({ type: ChangeType.Insert, index: 0, text: `import { ${GUARD} } from './core/session/auth.guards';\n` });
  }
  tree.write(routesPath, applyChangesToString(text, changes));
}

function findRoutesArray(source: ts.SourceFile): ts.ArrayLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const typeName = declaration.type?.getText(source).replace(/\s/g, '');
      if (declaration.initializer && ts.isArrayLiteralExpression(declaration.initializer) && (typeName === 'Route[]' || typeName === 'Routes')) {
        return declaration.initializer;
      }
    }
  }
  return undefined;
}

function routePath(element: ts.Expression): string | undefined {
  if (!ts.isObjectLiteralExpression(element)) return undefined;
  const path = element.properties.find(
    (property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && property.name.getText() === 'path',
  );
  return path && ts.isStringLiteral(path.initializer) ? path.initializer.text : undefined;
}

function insertRoute(source: ts.SourceFile, routes: ts.ArrayLiteralExpression, entry: string): StringChange {
  const catchAll = routes.elements.find((element) => routePath(element) === '**');
  const anchor = catchAll ?? routes.elements[routes.elements.length - 1];
  if (!anchor) return { type: ChangeType.Insert, index: routes.getStart(source) + 1, text: `\n  ${entry},\n` };
  const anchorStart = anchor.getStart(source);
  const lineStart = source.getPositionOfLineAndCharacter(source.getLineAndCharacterOfPosition(anchorStart).line, 0);
  const indent = /^\s*/.exec(source.text.slice(lineStart, anchorStart))?.[0] ?? '  ';
  if (catchAll) return { type: ChangeType.Insert, index: anchorStart, text: `${entry},\n${indent}` };
  const hasTrailingComma = routes.elements.hasTrailingComma;
  return { type: ChangeType.Insert, index: anchor.getEnd() + (hasTrailingComma ? 1 : 0), text: `${hasTrailingComma ? '' : ','}\n${indent}${entry},` };
}

/** A TypeScript string literal in the house's single quotes. */
export function singleQuoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
