import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterPrerequisites, sharedSecrets } from './cluster.mjs';
import { FAIL_TIMEOUT_SECONDS, renderNginxConfig } from './nginx-config.mjs';

/** The options start-cluster passes, for two instances. */
function options(overrides = {}) {
  return {
    instances: [{ port: 41001 }, { port: 41002 }],
    apiPort: 5000,
    webPort: 3000,
    apiUrl: 'http://localhost:5000',
    webRoot: '/srv/cluster/web',
    mediaDir: '/srv/media//',
    runtimeDir: '/srv/cluster',
    ...overrides,
  };
}

describe('renderNginxConfig, from deploy/nginx/nginx.conf.template', () => {
  it('lists every instance in the upstream, left out for a while after one failed request', () => {
    const config = renderNginxConfig(options());
    expect(config).toContain(`    server 127.0.0.1:41001 max_fails=1 fail_timeout=${FAIL_TIMEOUT_SECONDS}s;\n    server 127.0.0.1:41002 max_fails=1 fail_timeout=${FAIL_TIMEOUT_SECONDS}s;`);
    expect(config).toContain('listen 5000;');
    expect(config).toContain('listen 3000;');
    expect(config).toContain('alias /srv/media/;');
    expect(config).toContain('pid /srv/cluster/nginx.pid;');
    expect(config).not.toMatch(/\{\{[A-Z_]+\}\}/);
  });

  it('sends the web app the same Content-Security-Policy as serve-web.mjs, naming the API', () => {
    const config = renderNginxConfig(options());
    expect(config).toMatch(/add_header Content-Security-Policy "default-src 'self'; [^"]*connect-src 'self' http:\/\/localhost:5000[^"]*" always;/);
    expect(config).toContain('add_header X-Frame-Options "DENY" always;');
  });

  it('refuses a cluster of no instances, and a template that names a value it is not given or misses one', () => {
    expect(() => renderNginxConfig(options({ instances: [] }))).toThrow('the cluster needs at least one API instance');
    const template = readFileSync(join(import.meta.dirname, '../../deploy/nginx/nginx.conf.template'), 'utf8');
    expect(() => renderNginxConfig(options({ template: `${template}\n# {{UNKNOWN_NAME}}\n` }))).toThrow('the nginx template names {{UNKNOWN_NAME}}, which has no value');
    expect(() => renderNginxConfig(options({ template: template.replace('{{WEB_ROOT}}', '/fixed') }))).toThrow('values for names the nginx template does not use: WEB_ROOT');
  });

  it('refuses a value that would break out of an nginx string', () => {
    expect(() => renderNginxConfig(options({ apiUrl: 'http://localhost:5000" always; add_header X "y' }))).toThrow(/cannot put .* in an nginx string/);
  });
});

describe('the cluster\'s prerequisites and shared secrets', () => {
  it('names the missing PostgreSQL server and Redis in one line', () => {
    expect(clusterPrerequisites({})).toMatch(/^start:cluster needs DATABASE_URL and REDIS_URL: /);
    expect(clusterPrerequisites({ DATABASE_URL: 'postgres://db', REDIS_URL: ' ' })).toMatch(/^start:cluster needs REDIS_URL: /);
  });

  it('takes secrets from the environment, else makes them once and keeps them, readable by the owner only', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'cluster-secrets-')), 'data');
    try {
      const first = sharedSecrets({ JWT_SECRET: 'from-the-environment' }, dataDir);
      expect(first.JWT_SECRET).toBe('from-the-environment');
      expect(first.STREAM_SECRET).toMatch(/^[\w-]{43}$/);
      expect(first.CURSOR_SECRET).not.toBe(first.STREAM_SECRET);
      const file = join(dataDir, 'cluster-secrets.json');
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // A secret given by the environment is never written to disk.
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual(['CURSOR_SECRET', 'STREAM_SECRET']);
      const again = sharedSecrets({}, dataDir);
      expect(again.STREAM_SECRET).toBe(first.STREAM_SECRET);
      expect(again.CURSOR_SECRET).toBe(first.CURSOR_SECRET);
      expect(again.JWT_SECRET).not.toBe('from-the-environment');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
