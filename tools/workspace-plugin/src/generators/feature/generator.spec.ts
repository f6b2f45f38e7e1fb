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

function workspaceWithClient(routes = APP_ROUTES): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'client', { root: 'client', sourceRoot: 'client/src', projectType: 'application', targets: {} });
  tree.write(ROUTES, routes);
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('feature generator', () => {
  it('creates a standalone, OnPush page with signals, its template, styles and spec', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'watch-parties' });

    const directory = 'client/src/app/features/watch-parties';
    expect(tree.children(directory).sort()).toEqual(['watch-parties-page.html', 'watch-parties-page.scss', 'watch-parties-page.spec.ts', 'watch-parties-page.ts']);
    const page = read(tree, `${directory}/watch-parties-page.ts`);
    expect(page).toContain("selector: 'app-watch-parties-page'");
    expect(page).toContain('changeDetection: ChangeDetectionStrategy.OnPush');
    expect(page).toContain('export class WatchPartiesPage');
    expect(page).toMatch(/protected readonly items = signal</);
    expect(page).not.toContain('standalone: false');
    expect(read(tree, `${directory}/watch-parties-page.html`)).toContain('<h1>Watch parties</h1>');
    expect(read(tree, `${directory}/watch-parties-page.spec.ts`)).toContain("toBe('Watch parties')");
  });

  it('adds a lazy route guarded by authGuard just before the catch-all, leaving the rest as it was', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'watch-parties' });

    expect(read(tree, ROUTES)).toBe(APP_ROUTES.replace("  { path: '**'", `${WATCH_PARTIES_ROUTE}  { path: '**'`));
  });

  it('appends the route when there is no catch-all, and imports authGuard when the file does not', async () => {
    const tree = workspaceWithClient(`import { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: 'home', loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage) },
];
`);

    await featureGenerator(tree, { name: 'watch-parties' });

    expect(read(tree, ROUTES)).toBe(`import { authGuard } from './core/session/auth.guards';
import { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: 'home', loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage) },
${WATCH_PARTIES_ROUTE}];
`);
  });

  it('escapes a custom title for TypeScript and for the template', async () => {
    const tree = workspaceWithClient();

    await featureGenerator(tree, { name: 'watch-parties', title: "Tonight's {parties}" });

    expect(read(tree, ROUTES)).toContain("title: 'Tonight\\'s {parties}'");
    expect(read(tree, 'client/src/app/features/watch-parties/watch-parties-page.html')).toContain("<h1>Tonight's &#123;parties&#125;</h1>");
    expect(read(tree, 'client/src/app/features/watch-parties/watch-parties-page.spec.ts')).toContain("toBe('Tonight\\'s {parties}')");
  });

  it('refuses a feature that already exists', async () => {
    const tree = workspaceWithClient();
    await featureGenerator(tree, { name: 'watch-parties' });

    await expect(featureGenerator(tree, { name: 'watch-parties' })).rejects.toThrow('client/src/app/features/watch-parties already exists');
  });
});
