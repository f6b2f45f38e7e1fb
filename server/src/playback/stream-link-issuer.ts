import { StreamTokenSigner } from './stream-token.signer';

/** Who a stream link is for: this user, while this login lasts, for this stream (a film's, or an episode's). */
export interface StreamGrantee {
  userId: string;
  sessionId: string;
  streamId: string;
}

/** A signed stream folder: `<root>/master.m3u8` and every file it reaches lie under `root`. */
export interface IssuedStreamLink {
  root: string;
  /** Unix seconds. */
  expiresAt: number;
}

export interface StreamLinkSettings {
  publicUrl: string;
  ttlSeconds: number;
  nowSeconds: number;
}

/**
 * The stream link for a grantee: a new one, or `prepared` (a master playlist URL this API issued
 * earlier, e.g. by POST /play/prepare) when it is still good for the very same user, login and
 * stream and has at least half its lifetime left. Reusing it keeps the URLs of the files fetched
 * ahead, so the browser's cache answers the player. Anything else in `prepared` is ignored: it
 * grants nothing a fresh link would not.
 */
export function issueStreamLink(signer: StreamTokenSigner, settings: StreamLinkSettings, grantee: StreamGrantee, prepared?: string): IssuedStreamLink {
  const base = `${settings.publicUrl}/stream/`;
  const token = prepared?.startsWith(base) && prepared.endsWith('/master.m3u8') ? prepared.slice(base.length, -'/master.m3u8'.length) : undefined;
  const grant = token ? signer.verify(token) : undefined;
  const reusable =
    grant !== undefined &&
    grant.userId === grantee.userId &&
    grant.sessionId === grantee.sessionId &&
    grant.streamId === grantee.streamId &&
    grant.expiresAt - settings.nowSeconds >= settings.ttlSeconds / 2 &&
    grant.expiresAt - settings.nowSeconds <= settings.ttlSeconds;
  if (token && grant && reusable) return { root: `${base}${token}`, expiresAt: grant.expiresAt };
  const expiresAt = settings.nowSeconds + settings.ttlSeconds;
  return { root: `${base}${signer.sign({ ...grantee, expiresAt })}`, expiresAt };
}
