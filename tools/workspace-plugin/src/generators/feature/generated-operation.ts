import { joinPathFragments, Tree } from '@nx/devkit';

/** What a feature page needs to know of one operation of the generated API client. */
export interface GeneratedOperation {
  /** The function's name, as exported by `@streaming/api`: `listCatalog`. */
  functionName: string;
  /** Its path template: `/catalog`. */
  path: string;
  /** The model it answers with: `CatalogPageDto`. */
  responseType: string;
  /** Whether that model is a page or list (`items: Array<…>`), so the page lists the items. */
  listsItems: boolean;
}

const GENERATED = 'openapi/src/generated';

function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function filesUnder(tree: Tree, directory: string): string[] {
  return tree.children(directory).flatMap((child) => {
    const path = joinPathFragments(directory, child);
    return tree.isFile(path) ? [path] : filesUnder(tree, path);
  });
}

/**
 * Reads `operationId`'s function from the generated client (openapi/src/generated/fn/<tag>/<kebab>.ts).
 * A page loads its data on arrival, so only GET operations whose parameters are all optional fit.
 */
export function readGeneratedOperation(tree: Tree, operationId: string): GeneratedOperation {
  const fileName = `${kebabCase(operationId)}.ts`;
  const functions = filesUnder(tree, joinPathFragments(GENERATED, 'fn'));
  const file = functions.find((path) => path.endsWith(`/${fileName}`));
  if (!file) {
    const known = functions
      .map((path) => path.slice(path.lastIndexOf('/') + 1, -3).replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase()))
      .sort();
    throw new Error(`--operation ${operationId} is not an operation of the generated client (${GENERATED}); known: ${known.join(', ')}`);
  }
  const source = tree.read(file, 'utf-8') ?? '';
  const method = /new RequestBuilder\(rootUrl, \w+\.PATH, '(\w+)'\)/.exec(source)?.[1];
  const path = /\.PATH = '([^']+)';/.exec(source)?.[1];
  const responseType = /Observable<StrictHttpResponse<(\w+)>>/.exec(source)?.[1];
  if (!method || !path || !responseType) throw new Error(`${file} does not look like a function of the generated client; run npm run openapi`);
  if (method !== 'get') throw new Error(`--operation ${operationId} is a ${method.toUpperCase()}; a page loads with a GET operation`);
  if (new RegExp(`params: ${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}\\$Params`).test(source)) {
    throw new Error(`--operation ${operationId} has required parameters (${path}); a page loads with an operation whose parameters are all optional`);
  }
  const model = tree.read(joinPathFragments(GENERATED, 'models', `${kebabCase(responseType)}.ts`), 'utf-8') ?? '';
  return { functionName: operationId, path, responseType, listsItems: /^\s*items\??: Array</m.test(model) };
}
