import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An id a proxy may hand on (nginx's $request_id is 32 hex characters); anything else is not written to logs. */
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;
const REQUEST_ID = Symbol('requestId');

/**
 * Gives the request its id: the one the proxy in front gave (`X-Request-Id`), or a new one. It goes
 * back on the response, so a client, the proxy's log and every instance's log name the request alike.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  (request as IncomingMessage & { [REQUEST_ID]?: string })[REQUEST_ID] = id;
  return id;
}

/** The id `assignRequestId` gave the request, for a line logged about it. */
export function requestIdOf(request: IncomingMessage): string | undefined {
  return (request as IncomingMessage & { [REQUEST_ID]?: string })[REQUEST_ID];
}
