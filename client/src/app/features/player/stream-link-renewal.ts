import type { PlaybackSessionDto } from '@streaming/api';
import { StreamLink } from './stream-link';

/** Renewals in a row that bring no working link (refused again, or not granted) before the player gives up. */
export const MAX_RENEWALS_WITHOUT_SUCCESS = 3;
/** A link is renewed once this share of its life has passed; the rest is room for retries. */
const RENEW_AT_SHARE_OF_LIFETIME = 0.75;
const MIN_RENEW_DELAY_MS = 5_000;
/** A scheduled renewal that fails (offline) is tried again after 5 s, 10 s, 20 s… at most a minute apart. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

type SignedLink = Pick<PlaybackSessionDto, 'hlsUrl' | 'expiresAt'>;

/**
 * Keeps a signed stream link alive for the player: renews it before it expires and whenever the server
 * refuses it, one renewal at a time whoever asks, and gives up after a few renewals in a row that bring
 * no working link, rather than loop on 403s. The player is never reloaded: its requests take the new
 * token on their way out (see `renewLinksInShaka`).
 */
export class StreamLinkRenewal {
  private current: StreamLink | null = null;
  private inFlight: Promise<boolean> | null = null;
  private renewalsWithoutSuccess = 0;
  private failedScheduledRenewals = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private exhausted = false;

  constructor(
    /** Asks the API for a new signed link (`POST /play/start`). */
    private readonly requestLink: () => Promise<SignedLink>,
    /** Called once when renewing no longer helps: the stream cannot go on. */
    private readonly giveUp: () => void,
  ) {}

  /** The link every stream request should use now. */
  get link(): StreamLink | null {
    return this.current;
  }

  get givenUp(): boolean {
    return this.exhausted;
  }

  /** Starts over with a link just granted (playback starting, or Retry after a failure). */
  begin(signed: SignedLink): void {
    this.stopped = false;
    this.exhausted = false;
    this.renewalsWithoutSuccess = 0;
    this.adopt(signed);
  }

  /** Resolves once no renewal is under way, whatever its outcome: a request then leaves with the newest link. */
  settled(): Promise<void> {
    return this.inFlight ? this.inFlight.then(() => undefined) : Promise.resolve();
  }

  /**
   * The server refused a request made with `token` (403). Resolves true when a newer link is there to
   * retry with, false when there is none (and, past the cap, the renewal has given up).
   */
  refused(token: string): Promise<boolean> {
    if (this.stopped || !this.current) return Promise.resolve(false);
    // Renewed since that request left: the retry takes the newer link, no need to renew again.
    if (token !== this.current.token) return Promise.resolve(true);
    if (this.inFlight) return this.inFlight;
    if (this.renewalsWithoutSuccess >= MAX_RENEWALS_WITHOUT_SUCCESS) {
      this.exhaust();
      return Promise.resolve(false);
    }
    this.renewalsWithoutSuccess++;
    return this.renew();
  }

  /** A request made with `token` succeeded: when that is the current link, renewing has worked. */
  accepted(token: string): void {
    if (token === this.current?.token) this.renewalsWithoutSuccess = 0;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private renew(): Promise<boolean> {
    this.inFlight ??= this.requestLink()
      .then(
        (signed) => {
          if (this.stopped) return false;
          this.adopt(signed);
          return true;
        },
        () => false,
      )
      .finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async renewOnSchedule(): Promise<void> {
    if (this.stopped) return;
    // On success adopt() has scheduled the next renewal.
    if (await this.renew()) return;
    if (this.stopped) return;
    this.failedScheduledRenewals++;
    this.schedule(Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (this.failedScheduledRenewals - 1)));
  }

  private adopt(signed: SignedLink): void {
    this.current = StreamLink.parse(signed.hlsUrl);
    this.failedScheduledRenewals = 0;
    const lifetimeMs = Date.parse(signed.expiresAt) - Date.now();
    // An expiry that cannot be read leaves renewal to the server's first refusal.
    if (Number.isFinite(lifetimeMs)) this.schedule(Math.max(MIN_RENEW_DELAY_MS, lifetimeMs * RENEW_AT_SHARE_OF_LIFETIME));
    else clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renewOnSchedule(), delayMs);
  }

  private exhaust(): void {
    if (this.exhausted) return;
    this.exhausted = true;
    this.stop();
    this.giveUp();
  }
}
