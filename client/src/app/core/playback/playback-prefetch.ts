import { inject, Injectable } from '@angular/core';
import { Api, prepareStream } from '@streaming/api';
import { ShakaLoader } from './shaka-loader';
import { variantPlaylists } from './variant-playlists';

/** How long a title page waits for an idle moment before fetching ahead anyway. */
const IDLE_TIMEOUT_MS = 2000;

/** What Play would start: a film, or one episode of a series. */
export interface PlayTarget {
  titleId: string;
  episodeId?: string;
}

interface PreparedLink extends PlayTarget {
  hlsUrl: string;
  preparedAt: number;
  expiresAt: number;
}

/**
 * What a title page fetches ahead so that Play starts at once: the player's code (the player route
 * and Shaka), a stream link from POST /play/prepare (which records no play), the master playlist
 * and the renditions' media playlists, into the browser's HTTP cache, where Shaka's own
 * requests for the same URLs find them. /play/start then gets the prepared link back as
 * `preparedUrl` and answers with the same URLs. Segments and the key are left for Play: the key
 * is never cached, and a segment is worth its bytes only to a viewer who plays.
 */
@Injectable({ providedIn: 'root' })
export class PlaybackPrefetch {
  private readonly api = inject(Api);
  private readonly shaka = inject(ShakaLoader);
  private prepared: PreparedLink | null = null;

  /** The player route's code, which the router loads on Play; a field, so a test need not load Shaka's UI. */
  loadPlayerRoute: () => Promise<unknown> = () => import('../../features/player/player-page');

  /**
   * Starts fetching ahead for a film or an episode at the page's first idle moment. The function returned stops
   * it (the page is left): no request is started after that, and one in flight is let finish (each
   * is a few hundred bytes; the Play that may have caused the leaving wants it).
   */
  warm(target: PlayTarget): () => void {
    let left = false;
    const run = () => void this.fetchAhead(target, () => left);
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : undefined;
    const timer = idle === undefined ? setTimeout(run, 0) : undefined;
    return () => {
      left = true;
      if (idle !== undefined) cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }

  /**
   * The link prepared for this film or episode, handed out once, while less than half its life has
   * gone (the server reuses it only then); else null. A link for anything else is dropped.
   */
  take(titleId: string, episodeId?: string, now = Date.now()): string | null {
    const prepared = this.prepared;
    this.prepared = null;
    if (!prepared || prepared.titleId !== titleId || prepared.episodeId !== episodeId) return null;
    return now - prepared.preparedAt < (prepared.expiresAt - prepared.preparedAt) / 2 ? prepared.hlsUrl : null;
  }

  private async fetchAhead({ titleId, episodeId }: PlayTarget, left: () => boolean): Promise<void> {
    if (left()) return;
    // A failure here costs only the head start: Play loads what it needs itself.
    this.shaka.load().catch(() => undefined);
    this.loadPlayerRoute().catch(() => undefined);
    try {
      const preparedAt = Date.now();
      const { hlsUrl, expiresAt } = await this.api.invoke(prepareStream, { body: { titleId, ...(episodeId ? { episodeId } : {}) } });
      this.prepared = { titleId, ...(episodeId ? { episodeId } : {}), hlsUrl, preparedAt, expiresAt: Date.parse(expiresAt) };
      if (left()) return;
      const master = await (await fetch(hlsUrl)).text();
      if (left()) return;
      await Promise.all(variantPlaylists(master, hlsUrl).map(async (playlist) => (await fetch(playlist)).text()));
    } catch {
      // See above: nothing is lost.
    }
  }
}
