import { addProjectConfiguration, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { featureGenerator } from './generator';

const ROUTES = 'client/src/app/app.routes.ts';

const APP_ROUTES = `import { Route } from '@angular/router';
import { authGuard, guestGuard } from './core/session/auth.guards';

export const appRoutes: Route[] = [
  { path: 'signin', canActivate: [guestGuard], title: 'Sign in', loadComponent: () => import('./features/auth/sign-in-page').then((m) => m.SignInPage) },
  { path: 'my-list', canActivate: [authGuard], title: 'My List', loadComponent: () => import('./features/my-list/my-list-page').then((m) => m.MyListPage) },
  { path: '**', title: 'Not found', loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage) },
];
`;

const WATCH_PARTIES_ROUTE =
  "  { path: 'watch-parties', canActivate: [authGuard], title: 'Watch parties', " +
  "loadComponent: () => import('./features/watch-parties/watch-parties-page').then((m) => m.WatchPartiesPage) },\n";

/** The parts of an ng-openapi-gen function the generator reads. */
function generatedFunction(name: string, method: string, path: string, response: string, paramsRequired = false): string {
  const params = `${name.charAt(0).toUpperCase()}${name.slice(1)}$Params`;
  return `export function ${name}(http: HttpClient, rootUrl: string, params${paramsRequired ? '' : '?'}: ${params}, context?: HttpContext): Observable<StrictHttpResponse<${response}>> {
  const rb = new RequestBuilder(rootUrl, ${name}.PATH, '${method}');
}

${name}.PATH = '${path}';
`;
}

function workspaceWithClient(routes = APP_ROUTES): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'client', { root: 'client', sourceRoot: 'client/src', projectType: 'application', targets: {} });
  tree.write(ROUTES, routes);
  tree.write('openapi/src/generated/fn/catalog/list-catalog.ts', generatedFunction('listCatalog', 'get', '/catalog', 'CatalogPageDto'));
  tree.write('openapi/src/generated/models/catalog-page-dto.ts', 'export interface CatalogPageDto {\n  cursor: string | null;\n  items: Array<TitleSummaryDto>;\n}\n');
  tree.write('openapi/src/generated/fn/account/get-account.ts', generatedFunction('getAccount', 'get', '/me', 'AccountDto'));
  tree.write('openapi/src/generated/models/account-dto.ts', 'export interface AccountDto {\n  email: string;\n  id: string;\n  name: string;\n}\n');
  tree.write('openapi/src/generated/fn/auth/login.ts', generatedFunction('login', 'post', '/auth/login', 'AuthResponseDto', true));
  tree.write('openapi/src/generated/fn/title/get-title.ts', generatedFunction('getTitle', 'get', '/titles/{id}', 'TitleDto', true));
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('feature generator', () => {
  it('creates a standalone, OnPush page with signals, its template, styles and spec', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'watch-parties', operation: 'listCatalog' });

    const directory = 'client/src/app/features/watch-parties';
    expect(tree.children(directory).sort()).toEqual(['watch-parties-page.html', 'watch-parties-page.scss', 'watch-parties-page.spec.ts', 'watch-parties-page.ts']);
    const page = read(tree, `${directory}/watch-parties-page.ts`);
    expect(page).toContain("selector: 'app-watch-parties-page'");
    expect(page).toContain('changeDetection: ChangeDetectionStrategy.OnPush');
    expect(page).toContain('export class WatchPartiesPage');
    expect(page).toContain("import { Api, listCatalog, type CatalogPageDto } from '@streaming/api';");
    expect(page).toContain('this.api.invoke(listCatalog)');
    expect(page).toContain('protected readonly items = computed(() => this.result()?.items ?? []);');
    expect(page).not.toContain('standalone: false');
    expect(read(tree, `${directory}/watch-parties-page.html`)).toContain('<h1>Watch parties</h1>');
    expect(read(tree, `${directory}/watch-parties-page.spec.ts`)).toContain("toBe('Watch parties')");
  });

  it('adds a lazy route guarded by authGuard just before the catch-all, leaving the rest as it was', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'watch-parties', operation: 'listCatalog' });

    expect(read(tree, ROUTES)).toBe(APP_ROUTES.replace("  { path: '**'", `${WATCH_PARTIES_ROUTE}  { path: '**'`));
  });

  it('appends the route when there is no catch-all, and imports authGuard when the file does not', async () => {
    const tree = workspaceWithClient(`import { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: 'home', loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage) },
];
`);

    await featureGenerator(tree, { name: 'watch-parties', operation: 'listCatalog' });

    expect(read(tree, ROUTES)).toBe(`import { authGuard } from './core/session/auth.guards';
import { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: 'home', loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage) },
${WATCH_PARTIES_ROUTE}];
`);
  });

  it('escapes a custom title for TypeScript and for the template', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'watch-parties', title: "Tonight's {parties}", operation: 'listCatalog' });

    expect(read(tree, ROUTES)).toContain("title: 'Tonight\\'s {parties}'");
    expect(read(tree, 'client/src/app/features/watch-parties/watch-parties-page.html')).toContain("<h1>Tonight's &#123;parties&#125;</h1>");
    expect(read(tree, 'client/src/app/features/watch-parties/watch-parties-page.spec.ts')).toContain("toBe('Tonight\\'s {parties}')");
  });

  it('wires the spec to the operation: the request it expects is that operation\'s method and path', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'watch-parties', operation: 'listCatalog' });

    const spec = read(tree, 'client/src/app/features/watch-parties/watch-parties-page.spec.ts');
    expect(spec).toContain("const REQUEST = { method: 'GET', url: `${API}/catalog` };");
    expect(spec).toContain("toEqual(['First', 'Second'])");
    expect(spec).toContain("loads listCatalog on arrival");
  });

  it('shows the fields of an answer that is not a list', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'my-account', operation: 'getAccount' });

    const directory = 'client/src/app/features/my-account';
    expect(read(tree, `${directory}/my-account-page.ts`)).toContain('protected readonly fields = computed(');
    expect(read(tree, `${directory}/my-account-page.ts`)).not.toContain('items');
    expect(read(tree, `${directory}/my-account-page.html`)).toContain('<dt>{{ field.name }}</dt>');
    expect(read(tree, `${directory}/my-account-page.spec.ts`)).toContain("const REQUEST = { method: 'GET', url: `${API}/me` };");
  });

  it.each([
    ['login', '--operation login is a POST; a page loads with a GET operation'],
    ['getTitle', '--operation getTitle has required parameters (/titles/{id})'],
    ['listCatalogs', '--operation listCatalogs is not an operation of the generated client (openapi/src/generated); known: getAccount, getTitle, listCatalog, login'],
    ['', '--operation is required'],
  ])('refuses --operation %j in one line, writing nothing', async (operation, message) => {
    const tree = workspaceWithClient();

    await expect(featureGenerator(tree, { name: 'watch-parties', operation })).rejects.toThrow(message);
    expect(tree.exists('client/src/app/features/watch-parties')).toBe(false);
    expect(read(tree, ROUTES)).toBe(APP_ROUTES);
  });

  it('refuses a feature that already exists', async () => {
    const tree = workspaceWithClient();
    await featureGenerator(tree, { name: 'watch-parties', operation: 'listCatalog' });

    await expect(featureGenerator(tree, { name: 'watch-parties', operation: 'listCatalog' })).rejects.toThrow('client/src/app/features/watch-parties already exists');
  });
});
