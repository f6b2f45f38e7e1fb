// Copies Shaka's UI stylesheet for the web app without its @font-face rules that load fonts from
// Google's servers: nothing the app shows may depend on an outside host (and the CSP forbids it).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const source = resolve('node_modules/shaka-player/dist/controls.css');
const target = resolve(process.argv[2] ?? 'dist/shaka/controls.css');

const css = readFileSync(source, 'utf8');
const remoteFontFace = /@font-face\s*{[^}]*url\(\s*['"]?https?:[^}]*}/g;
const cleaned = css.replace(remoteFontFace, '').replace(/\/\*# sourceMappingURL=[^*]*\*\//, '');
if (/url\(\s*['"]?https?:/.test(cleaned)) {
  process.stderr.write(`Shaka's controls.css still refers to an outside host; update ${process.argv[1]}\n`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, cleaned);
