// Renders deploy/nginx/nginx.conf.template for the cluster: every {{NAME}} gets its value, and a
// name left over or a value given for no name is an error, so the template and this file cannot
// drift apart unnoticed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { webSecurityHeaders } from '../web/security-headers.mjs';

export const TEMPLATE = resolve(import.meta.dirname, '../../deploy/nginx/nginx.conf.template');
export const MEDIA_LOCATION = '/_media/';

/** How long nginx leaves an instance out after it failed a request, before trying it again. */
export const FAIL_TIMEOUT_SECONDS = 3;

function quoted(value) {
  if (/["\\\n]/.test(value)) throw new Error(`cannot put ${JSON.stringify(value)} in an nginx string`);
  return `"${value}"`;
}

function securityHeaderLines(apiUrl, indent) {
  return Object.entries(webSecurityHeaders(apiUrl))
    .map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`)
    .join('\n');
}

/**
 * The nginx configuration for `instances` ([{ port }]) behind `apiPort`, the web build in `webRoot`
 * on `webPort`, media files from `mediaDir`; `runtimeDir` holds the pid and temporary files.
 * @param {object} options
 * @param {{ port: number }[]} options.instances
 * @param {number} options.apiPort
 * @param {number} options.webPort
 * @param {string} options.apiUrl
 * @param {string} options.webRoot
 * @param {string} options.mediaDir
 * @param {string} options.runtimeDir
 * @param {string} [options.user] the user nginx's workers run as (when started as root)
 * @param {string} [options.accessLog]
 * @param {string} [options.mimeTypes]
 * @param {number} [options.workerProcesses]
 * @param {string} [options.template]
 */
export function renderNginxConfig({ instances, apiPort, webPort, apiUrl, webRoot, mediaDir, runtimeDir, user, accessLog = `${runtimeDir}/access.log json`, mimeTypes = '/etc/nginx/mime.types', workerProcesses = 1, template = readFileSync(TEMPLATE, 'utf8') }) {
  if (instances.length === 0) throw new Error('the cluster needs at least one API instance');
  const values = {
    USER: user ? `user ${user};` : '',
    WORKER_PROCESSES: String(workerProcesses),
    RUNTIME_DIR: runtimeDir,
    MIME_TYPES: mimeTypes,
    ACCESS_LOG: accessLog,
    API_SERVERS: instances.map(({ port }) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=${FAIL_TIMEOUT_SECONDS}s;`).join('\n'),
    API_LISTEN: String(apiPort),
    WEB_LISTEN: String(webPort),
    MEDIA_LOCATION: MEDIA_LOCATION,
    MEDIA_DIR: mediaDir.replace(/\/+$/, ''),
    WEB_ROOT: webRoot,
    WEB_SECURITY_HEADERS: securityHeaderLines(apiUrl, '    '),
    WEB_SECURITY_HEADERS_INDENTED: securityHeaderLines(apiUrl, '      '),
  };
  const unused = new Set(Object.keys(values));
  const rendered = template.replace(/\{\{([A-Z_]+)\}\}/g, (_match, name) => {
    if (!(name in values)) throw new Error(`the nginx template names {{${name}}}, which has no value`);
    unused.delete(name);
    return values[name];
  });
  if (unused.size > 0) throw new Error(`values for names the nginx template does not use: ${[...unused].join(', ')}`);
  return rendered;
}
