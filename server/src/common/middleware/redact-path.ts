/** Stream URLs carry their signature in the path; logs keep the shape of the path but not the secret. */
const STREAM_TOKEN = /^(\/stream\/)[^/]+/;

export function redactPath(originalUrl: string): string {
  const path = originalUrl.split('?')[0] ?? '';
  return path.replace(STREAM_TOKEN, '$1[redacted]');
}
