/** Stream URLs carry their signature in the path; logs keep the shape of the path but not the secret. */
const STREAM_TOKEN = /^(\/stream\/)[^/]+/i;
/** `GET http://host/path HTTP/1.1` is a valid request target that Express routes by its path. */
const ABSOLUTE_FORM_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The path of a request as it may be logged: no query string, no stream token, however the client spelled it. */
export function redactPath(originalUrl: string): string {
  const path = (originalUrl.split('?')[0] ?? '').replace(ABSOLUTE_FORM_ORIGIN, '');
  // The router matches paths case-insensitively, so `/STREAM/<token>/…` is served and must be redacted too.
  return path.replace(STREAM_TOKEN, '$1[redacted]');
}
