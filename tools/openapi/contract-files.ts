/**
 * The committed contract's files as text: the canonical form of the document (keys sorted) and how a
 * committed file differs from a fresh one. No server code, so its spec runs on its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Objects with their keys in code-unit order, all the way down; arrays keep their order. */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(source)
      .sort()
      .map((key) => [key, sortKeysDeep(source[key])]),
  );
}

/** Every file below `root`, by its path relative to `root` with forward slashes. */
export function filesBelow(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

export function firstDifferentLine(committed: string, fresh: string): number {
  const committedLines = committed.split('\n');
  const freshLines = fresh.split('\n');
  let line = 0;
  while (line < committedLines.length && committedLines[line] === freshLines[line]) line++;
  return line + 1;
}

/** Why `committedPath` is stale, or null when it matches `fresh`; paths are shown relative to `root`. */
export function staleness(root: string, committedPath: string, fresh: string): string | null {
  const shown = relative(root, committedPath);
  if (!existsSync(committedPath)) return `${shown} is missing`;
  const committed = readFileSync(committedPath, 'utf8');
  if (committed === fresh) return null;
  return `${shown} is stale (first difference at line ${firstDifferentLine(committed, fresh)})`;
}
