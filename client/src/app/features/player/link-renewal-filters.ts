import type shaka from 'shaka-player/dist/shaka-player.ui';
import { isRefusedLink } from './playback-error-message';
import { StreamLinkRenewal } from './stream-link-renewal';

type NetworkingEngine = shaka.net.NetworkingEngine;

/** Shaka's `retry` event: a request failed with an error it may retry. */
interface RetryEvent extends Event {
  error?: { code?: number; data?: unknown[] };
}

/**
 * Connects a link renewal to Shaka's networking engine, so the stream never reloads for a new link:
 * every request leaves with the current token (a request filter, which waits for a renewal under way),
 * a 403 renews the link before Shaka tries the request again (its `retry` event), and a response with
 * the current token tells the renewal that renewing has worked (a response filter).
 */
export function renewLinksInShaka(engine: NetworkingEngine, renewal: StreamLinkRenewal): void {
  engine.registerRequestFilter(async (_type, request) => {
    await renewal.settled();
    const link = renewal.link;
    if (link) request.uris = request.uris.map((uri) => link.rewrite(uri));
  });
  engine.registerResponseFilter((_type, response) => {
    const token = renewal.link?.tokenIn(response.originalUri);
    if (token) renewal.accepted(token);
  });
  engine.addEventListener('retry', (event) => {
    const error = (event as RetryEvent).error;
    if (!isRefusedLink(error)) return;
    const token = renewal.link?.tokenIn(String(error?.data?.[0]));
    if (!token) return;
    void renewal.refused(token);
    // Renewing no longer helps: trying the same request again would only be refused again.
    if (renewal.givenUp) event.preventDefault();
  });
}
