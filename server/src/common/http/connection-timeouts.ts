import type { Server } from 'node:http';

/**
 * How long an idle keep-alive connection is held open. Longer than any client in front keeps one idle
 * (nginx's upstream default is 60 s), so it is always the client that closes an idle connection. With
 * Node's default (5 s, closing at about 6) the API closed connections a client still held, and a
 * request written in the same moment met a reset (ECONNRESET) instead of an answer. Node's
 * headersTimeout (60 s) stays: it bounds a request in progress, not an idle connection.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function applyConnectionTimeouts(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
}
