import { workspaceRoot } from '@nx/devkit';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

interface Probe {
  /** The project the file would belong to: its ESLint config is used. */
  project: string;
  filePath: string;
  code: string;
}

/** The errors of one rule (the module-boundary rule unless named) ESLint reports for each probe, in order. */
function boundaryErrors(probes: Probe[], ruleId = '@nx/enforce-module-boundaries'): Promise<string[][]> {
  const input = probes.map(({ project, filePath, code }) => ({ config: `${project}/eslint.config.mjs`, filePath, code }));
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'lint-probes.mjs')], { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      const results: { ruleId: string | null; severity: number; message: string }[][] = JSON.parse(stdout);
      resolve(results.map((messages) => messages.filter((m) => m.ruleId === ruleId && m.severity === 2).map((m) => m.message)));
    });
    child.stdin?.end(JSON.stringify(input));
  });
}

const RELATIVE_IMPORT = 'Projects cannot be imported by a relative or absolute path, and must begin with a npm scope';
const IMPORTS_PLUGIN = "import { domainGenerator } from '@streaming/workspace-plugin';\nexport const probe = domainGenerator;\n";

describe('module boundaries, as npm run lint enforces them', () => {
  let errors: string[][];

  beforeAll(async () => {
    errors = await boundaryErrors([
      {
        project: 'client',
        filePath: 'client/src/app/features/boundary-probe.ts',
        code: "import { AppModule } from '../../../../server/src/app.module';\nexport const probe = AppModule;\n",
      },
      {
        project: 'client',
        filePath: 'client/src/app/features/boundary-probe.ts',
        code: "import type { TitleSummaryDto } from '../../../../server/src/catalog/dto/title-summary.dto';\nexport type Probe = TitleSummaryDto;\n",
      },
      { project: 'client', filePath: 'client/src/app/boundary-probe.ts', code: IMPORTS_PLUGIN },
      { project: 'server', filePath: 'server/src/boundary-probe.ts', code: IMPORTS_PLUGIN },
      { project: 'openapi', filePath: 'openapi/src/boundary-probe.ts', code: IMPORTS_PLUGIN },
      {
        project: 'client',
        filePath: 'client/src/app/boundary-probe.ts',
        code: "import type { TitleSummaryDto } from '@streaming/api';\nexport type Probe = TitleSummaryDto;\n",
      },
    ]);
  }, 120_000);

  it('refuses the client importing server code by a relative path', () => {
    expect(errors[0]).toEqual([RELATIVE_IMPORT]);
  });

  it('refuses it for type-only imports too, such as a server DTO', () => {
    expect(errors[1]).toEqual([RELATIVE_IMPORT]);
  });

  it('refuses a project depending on a scope it may not: client or server on tools, shared on anything but shared', () => {
    expect(errors[2]).toContain('A project tagged with "scope:client" can only depend on libs tagged with "scope:client", "scope:shared"');
    expect(errors[3]).toContain('A project tagged with "scope:server" can only depend on libs tagged with "scope:server", "scope:shared"');
    expect(errors[4]).toContain('A project tagged with "scope:shared" can only depend on libs tagged with "scope:shared"');
  });

  it('lets the client use the generated API client, its one way to the server', () => {
    expect(errors[5]).toEqual([]);
  });
});

describe('features of the client stay apart, as npm run lint enforces it', () => {
  let errors: string[][];

  beforeAll(async () => {
    errors = await boundaryErrors(
      [
        {
          project: 'client',
          filePath: 'client/src/app/features/account/boundary-probe.ts',
          code: "import { fieldError } from '../auth/field-errors';\nexport const probe = fieldError;\n",
        },
        {
          project: 'client',
          filePath: 'client/src/app/features/my-list/boundary-probe.ts',
          code: "import { Component } from '@angular/core';\n@Component({ selector: 'app-probe', template: '', styleUrl: '../search/search-page.scss' })\nexport class Probe {}\n",
        },
        {
          project: 'client',
          filePath: 'client/src/app/features/account/boundary-probe.ts',
          code: "import { fieldError } from '../../shared/forms/field-errors';\nimport { AccountPage } from './account-page';\nexport const probe = [fieldError, AccountPage];\n",
        },
        {
          project: 'client',
          filePath: 'client/src/app/boundary-probe.ts',
          code: "export const probe = () => import('./features/title/title-page');\n",
        },
      ],
      'client/no-cross-feature-imports',
    );
  }, 120_000);

  it('refuses a feature importing code of another feature', () => {
    expect(errors[0]).toEqual(['Feature "account" may not import from feature "auth" (../auth/field-errors): move what they share to shared/ or core/.']);
  });

  it('refuses a component borrowing another feature’s styles', () => {
    expect(errors[1]).toEqual(['Feature "my-list" may not import from feature "search" (../search/search-page.scss): move what they share to shared/ or core/.']);
  });

  it('lets a feature use shared code and its own files, and the routes load every feature', () => {
    expect(errors[2]).toEqual([]);
    expect(errors[3]).toEqual([]);
  });
});
