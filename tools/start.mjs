// `npm start`: the API and the web app together, from production builds (built by the npm script).
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['dist/server/main.js'], { stdio: 'inherit' }),
  spawn(process.execPath, ['tools/web/serve-web.mjs'], { stdio: 'inherit' }),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 200).unref();
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once('exit', resolve))))).then(() => process.exit(code));
}

// If either process dies, stop the other: half a service is no service.
for (const child of children) child.once('exit', (code) => stopAll(code ?? 1));
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
