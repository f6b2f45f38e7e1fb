import { addProjectConfiguration, Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { domainGenerator } from './generator';

const APP_MODULE = 'server/src/app.module.ts';

const ONE_LINE_APP_MODULE = `import { DynamicModule, Module } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { TitleModule } from './title/title.module';

@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [AccountModule, TitleModule],
    };
  }
}
`;

const MULTILINE_APP_MODULE = `import { Module } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { ZebraModule } from './zebra/zebra.module';

@Module({
  imports: [
    AccountModule,
    ZebraModule,
  ],
})
export class AppModule {}
`;

function workspaceWithServer(appModule = ONE_LINE_APP_MODULE): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, 'server', { root: 'server', sourceRoot: 'server/src', projectType: 'application', targets: {} });
  tree.write(APP_MODULE, appModule);
  return tree;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf-8') ?? '';

describe('domain generator', () => {
  it('scaffolds the module the way the existing domains are laid out: kebab files, one class each, DTOs in dto/', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    expect(tree.children('server/src/watch-party').sort()).toEqual([
      'dto',
      'in-memory-watch-party.repository.ts',
      'watch-party.controller.ts',
      'watch-party.module.ts',
      'watch-party.repository.ts',
      'watch-party.service.spec.ts',
      'watch-party.service.ts',
      'watch-party.ts',
    ]);
    expect(tree.children('server/src/watch-party/dto').sort()).toEqual(['create-watch-party.dto.ts', 'watch-party-list.dto.ts', 'watch-party.dto.ts']);
    expect(tree.exists('server/test/watch-party.api.spec.ts')).toBe(true);
  });

  it('names classes in Pascal case, members in camel case, and routes and operation ids in the plural', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    const controller = read(tree, 'server/src/watch-party/watch-party.controller.ts');
    expect(controller).toContain("@Controller('watch-parties')");
    expect(controller).toContain('export class WatchPartyController');
    expect(controller).toContain("operationId: 'listWatchParties'");
    expect(controller).toContain("operationId: 'createWatchParty'");
    expect(controller).toContain('@ApiBearerAuth()');
    expect(controller).toContain('@ApiErrors(400, 401)');
    expect(controller).toContain('private readonly watchParties: WatchPartyService');
    expect(read(tree, 'server/src/watch-party/watch-party.repository.ts')).toContain('export abstract class WatchPartyRepository');
    expect(read(tree, 'server/src/watch-party/watch-party.module.ts')).toContain(
      '{ provide: WatchPartyRepository, useClass: InMemoryWatchPartyRepository }',
    );
    expect(read(tree, 'server/test/watch-party.api.spec.ts')).toContain("describe('Watch party API'");
  });

  it('leaves no template syntax or template suffix behind', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    const written = tree.listChanges().filter((change) => change.type !== 'DELETE' && change.path.startsWith('server/'));
    for (const change of written) {
      expect(change.path).not.toMatch(/__|tmpl/);
      expect(change.content?.toString()).not.toMatch(/<%|%>/);
    }
  });

  it('registers the module in AppModule: the import in path order and the class at the end of a one-line array', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'watch-party' });

    expect(read(tree, APP_MODULE)).toBe(
      ONE_LINE_APP_MODULE.replace(
        "import { TitleModule } from './title/title.module';\n",
        "import { TitleModule } from './title/title.module';\nimport { WatchPartyModule } from './watch-party/watch-party.module';\n",
      ).replace('imports: [AccountModule, TitleModule]', 'imports: [AccountModule, TitleModule, WatchPartyModule]'),
    );
  });

  it('keeps a one-element-a-line imports array that way, and sorts the import before later paths', async () => {
    const tree = workspaceWithServer(MULTILINE_APP_MODULE);

    await domainGenerator(tree, { name: 'party' });

    expect(read(tree, APP_MODULE)).toBe(`import { Module } from '@nestjs/common';
import { AccountModule } from './account/account.module';
import { PartyModule } from './party/party.module';
import { ZebraModule } from './zebra/zebra.module';

@Module({
  imports: [
    AccountModule,
    ZebraModule,
    PartyModule,
  ],
})
export class AppModule {}
`);
    expect(read(tree, 'server/src/party/party.controller.ts')).toContain("@Controller('parties')");
  });

  it('accepts a Pascal-case name and an explicit plural', async () => {
    const tree = workspaceWithServer();

    await domainGenerator(tree, { name: 'Person', plural: 'people' });

    const controller = read(tree, 'server/src/person/person.controller.ts');
    expect(controller).toContain("@Controller('people')");
    expect(controller).toContain("operationId: 'listPeople'");
    expect(controller).toContain("operationId: 'createPerson'");
  });

  it('refuses a domain that already exists, and a name that cannot be a file name', async () => {
    const tree = workspaceWithServer();
    await domainGenerator(tree, { name: 'watch-party' });

    await expect(domainGenerator(tree, { name: 'watch-party' })).rejects.toThrow('server/src/watch-party already exists');
    await expect(domainGenerator(workspaceWithServer(), { name: '42-things' })).rejects.toThrow('cannot be a name');
  });

  it('says plainly when AppModule has nowhere to register the module', async () => {
    const tree = workspaceWithServer('export class AppModule {}\n');

    await expect(domainGenerator(tree, { name: 'watch-party' })).rejects.toThrow(/no "imports: \[\.\.\.\]" array/);
  });
});
