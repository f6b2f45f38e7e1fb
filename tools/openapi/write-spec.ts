/**
 * Writes the OpenAPI spec of the server to openapi/openapi.json, or to the path given as the first
 * argument. Run through `npm run openapi:spec`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { COMMITTED_SPEC, renderOpenApiSpec } from './openapi-spec';

async function main(): Promise<void> {
  const target = process.argv[2] ? resolve(process.argv[2]) : COMMITTED_SPEC;
  const spec = await renderOpenApiSpec();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, spec);
  process.stdout.write(`Wrote ${relative(process.cwd(), target) || target}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not write the OpenAPI spec: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
