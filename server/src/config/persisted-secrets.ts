import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config-error';

export const SECRETS_FILE = 'secrets.json';

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

function unusable(dataDir: string, error: unknown): ConfigError {
  return new ConfigError(`DATA_DIR ${dataDir} cannot be used (${describe(error)}): set DATA_DIR to a folder this process may read and write, or give the secrets in the environment`);
}

function readSecrets(dataDir: string, path: string): Record<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unusable(dataDir, error);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length >= 32));
  } catch {
    throw new ConfigError(`DATA_DIR secrets file ${path} is not valid JSON: restore it from a backup, or delete it to sign every viewer out`);
  }
}

/**
 * The secrets named, read from `<dataDir>/secrets.json` and generated once for any it lacks, so a
 * restart keeps tokens, stream URLs and cursors valid. The file is written whole (temporary file and
 * rename) and only its owner may read it (0600).
 */
export function persistedSecrets(dataDir: string, names: readonly string[]): Record<string, string> {
  const path = join(dataDir, SECRETS_FILE);
  const existing = readSecrets(dataDir, path) ?? {};
  if (names.every((name) => existing[name] !== undefined)) return existing;
  const secrets = { ...existing };
  for (const name of names) secrets[name] ??= randomSecret();
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    throw unusable(dataDir, error);
  }
  return secrets;
}
