// Lints source text as if it were files in the workspace, each with its project's ESLint config.
// A separate process because ESLint loads flat configs with import(), which Jest's module sandbox refuses.
// stdin: [{ config, filePath, code }] (paths relative to the cwd); stdout: [[{ ruleId, severity, message }]].
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

// The boundary rule reads the cached project graph: bring it up to date (tags, new projects) first.
await createProjectGraphAsync({ exitOnError: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;

const results = [];
for (const probe of JSON.parse(input)) {
  const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: resolve(probe.config) });
  const [result] = await eslint.lintText(probe.code, { filePath: resolve(probe.filePath) });
  results.push(result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })));
}
process.stdout.write(JSON.stringify(results));
