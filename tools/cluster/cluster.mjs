// Several API instances behind Debian's nginx, with the web app's production build: what
// `npm run start:cluster` runs, and what the cluster tests and the bench start. Instances that die
// are started again on the same port, so nginx's upstream list stays true.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { withApiUrl } from '../web/security-headers.mjs';
import { MEDIA_LOCATION, renderNginxConfig } from './nginx-config.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const COMPRESSIBLE = /\.(html|js|css|json|svg|txt|webmanifest|ico)$/;
const SECRET_NAMES = ['JWT_SECRET', 'STREAM_SECRET', 'CURSOR_SECRET'];
const RESTART_DELAY_MS = 1_000;

/** Why the cluster cannot start here, in one line, or undefined. */
export function clusterPrerequisites(env = process.env) {
  const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    return `start:cluster needs ${missing.join(' and ')}: instances share a PostgreSQL server and Redis (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 npm run start:cluster)`;
  }
  if (!existsSync(NGINX)) return `start:cluster needs nginx at ${NGINX}: apt-get install nginx (or set NGINX)`;
  return undefined;
}

export function sparePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

async function untilHealthy(url, isAlive, label, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${label} stopped before it answered ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${label} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** The secrets every instance must share: from the environment, else made once and kept in `dataDir`. */
export function sharedSecrets(env, dataDir) {
  const file = join(dataDir, 'cluster-secrets.json');
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = false;
  const secrets = {};
  for (const name of SECRET_NAMES) {
    secrets[name] = env[name]?.trim() || kept[name];
    if (!secrets[name]) {
      secrets[name] = kept[name] = randomBytes(32).toString('base64url');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

/** The web build, ready for nginx: index.html knows the API's origin, and compressible files have .gz twins. */
function prepareWebRoot(browserDir, webRoot, apiUrl) {
  rmSync(webRoot, { recursive: true, force: true });
  cpSync(browserDir, webRoot, { recursive: true });
  const index = join(webRoot, 'index.html');
  writeFileSync(index, withApiUrl(readFileSync(index, 'utf8'), apiUrl));
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (COMPRESSIBLE.test(entry.name) && statSync(path).size > 512) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
    }
  };
  walk(webRoot);
}

/** Every folder down to `path` readable by nginx's workers, which do not run as root. */
function openForWorkers(path) {
  for (let current = path; current !== '/' && current !== ''; current = resolve(current, '..')) {
    const mode = statSync(current).mode & 0o777;
    if ((mode & 0o005) !== 0o005) chmodSync(current, mode | 0o005);
  }
}

function stop(child, signal = 'SIGTERM', graceMs = 12_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill(signal);
  });
}

/**
 * Starts `instances` API processes of the built `serverMain` (run with `nodeArgs`, e.g. ts-node's
 * register for the sources) and nginx in front of them; resolves once nginx answers. Options:
 * apiPort, webPort, env (for every instance), browserDir, runtimeDir,
 * dataDir, restart (instances that die are started again; default true), log (a line sink),
 * instanceOutput ('inherit', 'ignore', or a file descriptor the instances and nginx write to),
 * mediaOffload (stream bytes sent by nginx after X-Accel-Redirect; default true, false for comparison).
 * @param {object} options
 * @param {number} options.instances
 * @param {number} options.apiPort
 * @param {number} options.webPort
 * @param {NodeJS.ProcessEnv} [options.env]
 * @param {string} [options.serverMain]
 * @param {string[]} [options.nodeArgs]
 * @param {string} [options.browserDir]
 * @param {string} [options.runtimeDir]
 * @param {string} [options.dataDir]
 * @param {boolean} [options.restart]
 * @param {(line: string) => void} [options.log]
 * @param {'inherit' | 'ignore' | number} [options.instanceOutput]
 * @param {string} [options.accessLog]
 * @param {boolean} [options.mediaOffload]
 */
export async function startCluster({
  instances: count,
  apiPort,
  webPort,
  env = process.env,
  serverMain = join(ROOT, 'dist/server/main.js'),
  nodeArgs = [],
  browserDir = join(ROOT, 'dist/client/browser'),
  runtimeDir = join(ROOT, 'dist/cluster'),
  dataDir = resolve(env.DATA_DIR?.trim() || join(ROOT, '.data')),
  restart = true,
  log = (line) => process.stderr.write(`${line}\n`),
  instanceOutput = 'inherit',
  accessLog,
  mediaOffload = true,
}) {
  const problem = clusterPrerequisites(env);
  if (problem) throw new Error(problem);
  const apiUrl = `http://localhost:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  rmSync(runtimeDir, { recursive: true, force: true });
  mkdirSync(runtimeDir, { recursive: true });
  const webRoot = join(runtimeDir, 'web');
  prepareWebRoot(browserDir, webRoot, env.PUBLIC_URL?.trim() || apiUrl);
  const mediaDir = resolve(env.MEDIA_DIR?.trim() || join(ROOT, 'server/media'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) for (const path of [runtimeDir, mediaDir, webRoot]) openForWorkers(path);

  const secrets = sharedSecrets(env, dataDir);
  const instanceEnv = {
    ...env,
    ...secrets,
    NODE_ENV: env.NODE_ENV ?? 'production',
    INSTANCES: String(count),
    TRUST_PROXY: env.TRUST_PROXY ?? 'loopback',
    ...(mediaOffload ? { MEDIA_ACCEL_REDIRECT: MEDIA_LOCATION } : {}),
    MEDIA_DIR: mediaDir,
    PUBLIC_URL: env.PUBLIC_URL?.trim() || apiUrl,
    CORS_ORIGINS: env.CORS_ORIGINS?.trim() || webUrl,
  };

  let stopping = false;
  const members = [];
  const launch = (member) => {
    member.child = spawn(process.execPath, [...nodeArgs, serverMain], {
      cwd: ROOT,
      stdio: ['ignore', instanceOutput, instanceOutput],
      env: { ...instanceEnv, PORT: String(member.port), INSTANCE_ID: member.name },
    });
    member.child.once('exit', (code, signal) => {
      if (stopping || !restart) return;
      log(`${member.name} stopped (${signal ?? `exit ${code}`}); starting it again`);
      setTimeout(() => {
        if (!stopping) launch(member);
      }, RESTART_DELAY_MS).unref();
    });
  };
  for (let index = 1; index <= count; index++) {
    const member = { name: `api-${index}`, port: await sparePort(), child: undefined };
    members.push(member);
    launch(member);
  }
  try {
    await Promise.all(members.map((member) => untilHealthy(`http://127.0.0.1:${member.port}/health`, () => member.child.exitCode === null, member.name, 180_000)));
  } catch (error) {
    stopping = true;
    await Promise.all(members.map((member) => stop(member.child)));
    throw error;
  }

  const config = renderNginxConfig({
    instances: members,
    apiPort,
    webPort,
    apiUrl: instanceEnv.PUBLIC_URL,
    webRoot,
    mediaDir,
    runtimeDir,
    user: asRoot ? 'nobody nogroup' : undefined,
    ...(accessLog ? { accessLog } : {}),
  });
  const configFile = join(runtimeDir, 'nginx.conf');
  writeFileSync(configFile, config);
  const checked = spawnSync(NGINX, ['-t', '-q', '-p', runtimeDir, '-c', configFile], { encoding: 'utf8' });
  if (checked.status !== 0) {
    stopping = true;
    await Promise.all(members.map((member) => stop(member.child)));
    throw new Error(`nginx refused the rendered configuration (${configFile}): ${checked.stderr.trim()}`);
  }
  const nginx = spawn(NGINX, ['-p', runtimeDir, '-c', configFile, '-g', 'daemon off;'], { stdio: ['ignore', instanceOutput, instanceOutput] });
  nginx.once('exit', (code, signal) => {
    if (!stopping) log(`nginx stopped (${signal ?? `exit ${code}`})`);
  });
  try {
    await untilHealthy(`http://127.0.0.1:${apiPort}/health`, () => nginx.exitCode === null, 'nginx', 30_000);
  } catch (error) {
    stopping = true;
    await Promise.all([stop(nginx, 'SIGQUIT'), ...members.map((member) => stop(member.child))]);
    throw error;
  }

  return {
    apiUrl,
    webUrl,
    configFile,
    accessLog: join(runtimeDir, 'access.log'),
    instances: members,
    nginxPid: nginx.pid,
    /** Stops nginx gracefully, then every instance (each drains its requests). */
    async stop() {
      stopping = true;
      await stop(nginx, 'SIGQUIT');
      await Promise.all(members.map((member) => stop(member.child)));
    },
  };
}
