/**
 * Fails when openapi/openapi.json or anything in openapi/src/generated differs from what the server
 * and ng-openapi-gen produce now. Both are produced in a temporary folder and compared there; the
 * committed files are only read. Run through `npm run openapi:check`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { filesBelow, staleness } from './contract-files';
import { COMMITTED_SPEC, renderOpenApiSpec, WORKSPACE_ROOT } from './openapi-spec';

const GENERATOR = require.resolve('ng-openapi-gen/lib/index.js');
const GENERATOR_CONFIG = resolve(WORKSPACE_ROOT, 'openapi/ng-openapi-gen.json');
const COMMITTED_CLIENT = resolve(WORKSPACE_ROOT, 'openapi/src/generated');

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'openapi-check-'));
  try {
    const freshSpecPath = join(scratch, 'openapi.json');
    const freshClientDir = join(scratch, 'generated');
    const freshSpec = await renderOpenApiSpec();
    writeFileSync(freshSpecPath, freshSpec);
    execFileSync(process.execPath, [GENERATOR, '--config', GENERATOR_CONFIG, '--input', freshSpecPath, '--output', freshClientDir], {
      cwd: WORKSPACE_ROOT,
      stdio: 'inherit',
    });

    const problems: string[] = [];
    const specProblem = staleness(WORKSPACE_ROOT, COMMITTED_SPEC, freshSpec);
    if (specProblem) problems.push(`${specProblem}: the server's OpenAPI document has changed`);
    const freshFiles = filesBelow(freshClientDir);
    for (const file of freshFiles) {
      const problem = staleness(WORKSPACE_ROOT, join(COMMITTED_CLIENT, file), readFileSync(join(freshClientDir, file), 'utf8'));
      if (problem) problems.push(problem);
    }
    const expected = new Set(freshFiles);
    for (const file of filesBelow(COMMITTED_CLIENT).filter((committed) => !expected.has(committed))) {
      problems.push(`${relative(WORKSPACE_ROOT, join(COMMITTED_CLIENT, file))} is no longer generated`);
    }

    if (problems.length > 0) {
      process.stderr.write(
        ['OpenAPI check failed: the committed contract is not what the server and generator produce now.', ...problems.map((problem) => `  ${problem}`), 'Run `npm run openapi` and commit the result.', ''].join('\n'),
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`openapi/openapi.json and ${freshFiles.length} generated files are up to date.\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`OpenAPI check could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
