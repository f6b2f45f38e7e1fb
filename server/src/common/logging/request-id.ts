import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An id a proxy may hand on (nginx's $request_id is 32 hex characters); anything else is not written to logs. */
const ACCEPTABLE = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request's id: the one the proxy in front gave (`X-Request-Id`), or a new one. It goes back on
 * the response, so a client, the proxy's log and every instance's log name the request alike.
 */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}
