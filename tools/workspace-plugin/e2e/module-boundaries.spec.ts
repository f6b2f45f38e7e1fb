import { workspaceRoot } from '@nx/devkit';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

interface Probe {
  /** The project the file would belong to: its ESLint config is used. */
  project: string;
  filePath: string;
  code: string;
}

/** The module-boundary errors ESLint reports for each probe, in order. */
function boundaryErrors(probes: Probe[]): Promise<string[][]> {
  const input = probes.map(({ project, filePath, code }) => ({ config: `${project}/eslint.config.mjs`, filePath, code }));
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [join(__dirname, 'lint-probes.mjs')], { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${error.message}\n${stderr}`));
      const results: { ruleId: string | null; severity: number; message: string }[][] = JSON.parse(stdout);
      resolve(results.map((messages) => messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries' && m.severity === 2).map((m) => m.message)));
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
