import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.m4s': 'video/mp4',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.jpg': 'image/jpeg',
};

export interface ResolvedStreamFile {
  absolutePath: string;
  contentType: string;
  /** Keys must never sit in a cache. */
  isKey: boolean;
}

export type StreamPathProblem = 'traversal' | 'not-media';

/**
 * Maps the decoded path segments after the token onto a file inside the title's folder. Anything that
 * could climb out ("..", separators smuggled in by encoding, NUL) is refused before touching the disk.
 */
export function resolveStreamFile(directory: string, segments: string[]): ResolvedStreamFile | StreamPathProblem {
  if (segments.length === 0) return 'not-media';
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return 'traversal';
  }
  const root = resolve(directory);
  const absolutePath = resolve(root, ...segments);
  if (!absolutePath.startsWith(root + sep)) return 'traversal';
  const extension = extname(absolutePath).toLowerCase();
  const contentType = CONTENT_TYPES[extension];
  if (!contentType || segments.some((segment) => segment.startsWith('.'))) return 'not-media';
  return { absolutePath, contentType, isKey: extension === '.bin' };
}
