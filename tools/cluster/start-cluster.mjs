// `npm run start:cluster`: builds the API and the web app, then serves them from INSTANCES API
// processes (default: one per core) behind Debian's nginx: the API on PORT (5000), the web app on
// WEB_PORT (3000). Needs DATABASE_URL and REDIS_URL, and says so in one line when they are missing.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { clusterPrerequisites, ROOT, startCluster } from './cluster.mjs';

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function whole(name, fallback, min, max) {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) fail(`Configuration error: ${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return Number(raw);
}

const problem = clusterPrerequisites();
if (problem) fail(problem);
const instances = whole('INSTANCES', availableParallelism(), 1, 64);
const apiPort = whole('PORT', 5000, 1, 65535);
const webPort = whole('WEB_PORT', 3000, 1, 65535);

if (!process.argv.includes('--skip-build')) {
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'client'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) fail('The production build failed');
}

let cluster;
try {
  cluster = await startCluster({ instances, apiPort, webPort });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stderr.write(
  `\nWeb app on ${cluster.webUrl}, API on ${cluster.apiUrl} (docs: ${cluster.apiUrl}/docs), through nginx to ${instances} instances: ${cluster.instances.map((member) => `${member.name} on :${member.port}`).join(', ')}\nnginx's access log (JSON lines): ${cluster.accessLog}\n\n`,
);

let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  cluster.stop().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
