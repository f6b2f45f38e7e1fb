import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the request being served, wherever its work continues (awaits, callbacks), so a line
 * logged deep in a service names the request without the request being passed down. The database
 * client keeps its transaction the same way, so async context tracking is on either way; what this
 * adds per request is one `run`.
 */
export const requestContext = new AsyncLocalStorage<string>();

/** The id of the request whose work is running now, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore();
}
