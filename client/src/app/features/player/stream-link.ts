// `<API>/stream/<token>/master.m3u8`: the token is the path segment after `/stream/`.
const SIGNED_MASTER = /^(.+\/stream\/)([^/?#]+)\/master\.m3u8$/;

/**
 * A signed stream URL split where its token sits. Every file the master playlist reaches by a
 * relative URL lies under the same `<API>/stream/<token>/` folder, so a new token is a new link to
 * every one of them.
 */
export class StreamLink {
  private constructor(
    /** `<API>/stream/`: every stream file's URL starts with it. */
    readonly base: string,
    readonly token: string,
  ) {}

  static parse(hlsUrl: string): StreamLink {
    const match = SIGNED_MASTER.exec(hlsUrl);
    if (!match) throw new Error(`Not a signed stream URL: ${hlsUrl}`);
    return new StreamLink(match[1], match[2]);
  }

  /** The token a stream file's URL carries, or null for a URL that is not under this link's base. */
  tokenIn(uri: string): string | null {
    if (!uri.startsWith(this.base)) return null;
    const end = uri.indexOf('/', this.base.length);
    return end > this.base.length ? uri.slice(this.base.length, end) : null;
  }

  /** The same stream file under this link's token; any other URL as it is. */
  rewrite(uri: string): string {
    const token = this.tokenIn(uri);
    if (token === null || token === this.token) return uri;
    return this.base + this.token + uri.slice(this.base.length + token.length);
  }
}
