import { HttpContext, HttpErrorResponse } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Api, HeartbeatDto, ProfileDto, sendHeartbeat, startPlayback } from '@streaming/api';
import { KEEPALIVE } from '../../core/http/keepalive.interceptor';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { SessionStore } from '../../core/session/session.store';
import { PlayerPage } from './player-page';
import { PlaybackPrefetch } from '../../core/playback/playback-prefetch';
import { ShakaLoader } from '../../core/playback/shaka-loader';
import { MAX_RENEWALS_WITHOUT_SUCCESS } from './stream-link-renewal';

const API = 'http://localhost:5000';
const CRITICAL = 2;
const RECOVERABLE = 1;
const streamUrl = (token: string, file = 'master.m3u8') => `${API}/stream/${token}/${file}`;

type Listener = (event: Event) => void;

/** Enough of Shaka's FakeEventTarget for the page: listeners by type, events that can be cancelled. */
class Events {
  private readonly listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  dispatch(type: string, fields: Record<string, unknown>): Event {
    const event = Object.assign(new Event(type, { cancelable: true }), fields);
    for (const listener of this.listeners.get(type) ?? []) listener(event);
    return event;
  }
}

type RequestFilter = (type: number, request: { uris: string[] }) => Promise<void> | void;
type ResponseFilter = (type: number, response: { originalUri: string }) => void;

/**
 * Shaka's networking engine as the page sees it: requests pass the request filters, a 403 fires the
 * cancellable `retry` event and is tried again, up to the page's four attempts, like Shaka does.
 */
class FakeNetworkingEngine extends Events {
  private readonly requestFilters: RequestFilter[] = [];
  private readonly responseFilters: ResponseFilter[] = [];
  /** Every URI that went out, in order. */
  readonly sent: string[] = [];

  constructor(private readonly status: (uri: string) => number) {
    super();
  }
  registerRequestFilter(filter: RequestFilter): void {
    this.requestFilters.push(filter);
  }
  registerResponseFilter(filter: ResponseFilter): void {
    this.responseFilters.push(filter);
  }

  async request(uri: string, maxAttempts = 4): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const request = { uris: [uri] };
      for (const filter of this.requestFilters) await filter(1, request);
      const [sentUri] = request.uris;
      this.sent.push(sentUri);
      const status = this.status(sentUri);
      if (status === 200) {
        for (const filter of this.responseFilters) filter(1, { originalUri: sentUri });
        return sentUri;
      }
      const error = { severity: RECOVERABLE, category: 1, code: 1001, data: [sentUri, status] };
      if (this.dispatch('retry', { error }).defaultPrevented || attempt === maxAttempts) throw { ...error, severity: CRITICAL };
    }
  }
}

class FakePlayer extends Events {
  static latest: FakePlayer;
  static isBrowserSupported = () => true;
  static streamStatus: (uri: string) => number = () => 200;
  readonly engine = new FakeNetworkingEngine((uri) => FakePlayer.streamStatus(uri));
  readonly configure = jest.fn();
  readonly attach = jest.fn().mockResolvedValue(undefined);
  readonly load = jest.fn().mockResolvedValue(undefined);
  /** Whether the thumbnails index answers (a fetch Shaka makes when given the track). */
  static thumbnailsReadable = true;
  readonly addThumbnailsTrack = jest.fn(() => (FakePlayer.thumbnailsReadable ? Promise.resolve({ id: 7 }) : Promise.reject({ code: 1001 })));
  readonly destroy = jest.fn().mockResolvedValue(undefined);
  readonly selectTextTrack = jest.fn();
  readonly selectVariantTrack = jest.fn();
  textTracks = [{ language: 'en', kind: 'subtitle', active: false }];
  constructor() {
    super();
    FakePlayer.latest = this;
  }
  getNetworkingEngine(): FakeNetworkingEngine {
    return this.engine;
  }
  getTextTracks() {
    return this.textTracks;
  }
  getVariantTracks() {
    return [{ height: 540, active: true }];
  }
  getConfiguration() {
    return { abr: { enabled: true } };
  }
}

class FakeOverlay {
  static controls = { anySettingsMenusAreOpen: jest.fn(() => false), toggleFullScreen: jest.fn() };
  readonly configure = jest.fn();
  readonly destroy = jest.fn().mockResolvedValue(undefined);
  getControls() {
    return FakeOverlay.controls;
  }
}

const FAKE_SHAKA = { Player: FakePlayer, ui: { Overlay: FakeOverlay }, util: { Error: { Severity: { CRITICAL, RECOVERABLE } } } };

/** Lets every reply already given, and what it sets off, happen. */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) await new Promise((resolve) => setTimeout(resolve));
}

describe('PlayerPage', () => {
  let invoke: jest.Mock;
  /** Tokens handed out by POST /play/start, in order: T1 at start, then one per renewal. */
  let grants: number;
  let startReply: (params?: { body: { titleId: string; episodeId?: string } }) => Promise<unknown>;
  let heartbeatReply: jest.Mock;
  let video: HTMLVideoElement;
  let navigate: jest.SpyInstance;
  let warn: jest.SpyInstance;
  let library: Record<string, jest.Mock>;

  const startCalls = () => invoke.mock.calls.filter(([fn]) => fn === startPlayback).length;
  const heartbeats = () => invoke.mock.calls.filter(([fn]) => fn === sendHeartbeat);

  /** A series of two seasons: tt1003, whose S1:E1 and S1:E2 follow one another. */
  const SERIES = { id: 'tt1003', name: 'Harbour Lights', kind: 'series', seasons: [{ number: 1, episodeCount: 2 }, { number: 2, episodeCount: 1 }] };
  const EPISODES: Record<number, { id: string; season: number; number: number; name: string; synopsis: string; runtimeMinutes: number }[]> = {
    1: [
      { id: 'tt1003-s1e1', season: 1, number: 1, name: 'Landfall', synopsis: 'They arrive.', runtimeMinutes: 1 },
      { id: 'tt1003-s1e2', season: 1, number: 2, name: 'Low Tide', synopsis: 'They wait.', runtimeMinutes: 1 },
    ],
    2: [{ id: 'tt1003-s2e1', season: 2, number: 1, name: 'Squall', synopsis: 'They leave.', runtimeMinutes: 1 }],
  };
  const INTRO = { type: 'intro', start: 2, end: 8 };
  const CREDITS = { type: 'credits', start: 30, end: 36 };

  interface RenderOptions {
    /** Answers POST /play/start instead of the API. */
    start?: (params?: { body: { titleId: string; episodeId?: string } }) => Promise<unknown>;
    /** What GET /titles/:id says: a film by default. */
    title?: Record<string, unknown>;
    episode?: string;
    continueWatching?: unknown[];
    /** The chosen profile's autoplay setting. */
    autoplayNext?: boolean;
  }

  /** The player page for tt1000 (or the options' title); `start` answers its first POST /play/start instead of the API. */
  async function render(start?: (() => Promise<unknown>) | RenderOptions) {
    const options: RenderOptions = typeof start === 'function' ? { start } : (start ?? {});
    const title = options.title ?? { id: 'tt1000', name: 'Aurora Drift', kind: 'film' };
    grants = 0;
    const grant = async () => {
      const token = `T${++grants}`;
      return { hlsUrl: streamUrl(token), thumbnails: streamUrl(token, 'thumbs/thumbnails.vtt'), expiresAt: new Date(Date.now() + 3_600_000).toISOString(), resumePosition: 42, duration: 1800, markers: [], next: null };
    };
    startReply = options.start ?? grant;
    heartbeatReply = jest.fn().mockResolvedValue(undefined);
    invoke = jest.fn((fn: unknown, params?: { body: { titleId: string; episodeId?: string } }) => (fn === startPlayback ? startReply(params) : heartbeatReply()));
    FakePlayer.streamStatus = () => 200;
    FakeOverlay.controls.toggleFullScreen.mockClear();
    jest.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      Object.defineProperty(this, 'paused', { value: false, configurable: true });
      this.dispatchEvent(new Event('playing'));
      return Promise.resolve();
    });
    jest.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
      Object.defineProperty(this, 'paused', { value: true, configurable: true });
      this.dispatchEvent(new Event('pause'));
    });
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    library = {
      title: jest.fn().mockResolvedValue(title),
      episodes: jest.fn(async (_id: string, season: number) => ({ items: EPISODES[season] ?? [] })),
      continueWatching: jest.fn().mockResolvedValue({ items: options.continueWatching ?? [] }),
      similarTo: jest.fn().mockResolvedValue({ items: ['tt1010', 'tt1011', 'tt1012', 'tt1013'].map((id) => ({ id, name: `Title ${id}`, posterUrl: `/${id}.svg`, year: 2000, genres: ['Drama'] })) }),
      progressChanged: jest.fn(),
    };
    TestBed.configureTestingModule({
      imports: [PlayerPage],
      providers: [
        provideRouter([]),
        { provide: Api, useValue: { invoke } },
        { provide: ViewerLibrary, useValue: library },
        { provide: ShakaLoader, useValue: { load: jest.fn().mockResolvedValue(FAKE_SHAKA) } },
      ],
    });
    if (options.autoplayNext !== undefined) {
      const profile = { id: 'prof_1', name: 'Ada', avatar: 'ember', avatarUrl: '', kids: false, maturityCeiling: 'NC-17', locked: false, autoplayNext: options.autoplayNext };
      jest.spyOn(TestBed.inject(SessionStore), 'profile').mockReturnValue(profile as ProfileDto);
    }
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(PlayerPage);
    fixture.componentRef.setInput('id', title['id']);
    if (options.episode) fixture.componentRef.setInput('episode', options.episode);
    await fixture.whenStable();
    await settle();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    video = element.querySelector('video') as HTMLVideoElement;
    return { fixture, element, player: FakePlayer.latest };
  }

  /** The film is at `seconds`, as the video element would say. */
  const at = (seconds: number) => Object.defineProperty(video, 'currentTime', { value: seconds, writable: true, configurable: true });
  const key = (name: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

  afterEach(() => jest.restoreAllMocks());

  it('starts the stream where the viewer left off and plays it', async () => {
    const { element, player } = await render();
    expect(player.load).toHaveBeenCalledWith(streamUrl('T1'), 42);
    expect(video.paused).toBe(false);
    expect(element.querySelector('h1')?.textContent).toBe('Aurora Drift');
    expect(element.querySelector('[role="status"]')).toBeNull();
  });

  it('hands /play/start the link the title page prepared, once', async () => {
    const take = jest.spyOn(PlaybackPrefetch.prototype, 'take').mockReturnValueOnce(streamUrl('PREPARED'));
    await render();
    expect(take).toHaveBeenCalledWith('tt1000', undefined);
    const bodies = invoke.mock.calls.filter(([fn]) => fn === startPlayback).map(([, params]) => (params as { body: unknown }).body);
    expect(bodies).toEqual([{ titleId: 'tt1000', preparedUrl: streamUrl('PREPARED') }]);
  });

  describe('seek-bar thumbnails', () => {
    it('gives Shaka the stream\'s sprite index once the stream is loaded', async () => {
      const { player } = await render();
      expect(player.addThumbnailsTrack).toHaveBeenCalledWith(streamUrl('T1', 'thumbs/thumbnails.vtt'), 'text/vtt');
      expect(player.load.mock.invocationCallOrder[0]).toBeLessThan(player.addThumbnailsTrack.mock.invocationCallOrder[0]);
    });

    it('plays on without pictures when the index cannot be read', async () => {
      FakePlayer.thumbnailsReadable = false;
      const { element, player } = await render();
      FakePlayer.thumbnailsReadable = true;
      expect(player.addThumbnailsTrack).toHaveBeenCalled();
      expect(video.paused).toBe(false);
      expect(element.querySelector('[role="status"]')).toBeNull();
      expect(warn).toHaveBeenCalledWith('Seek-bar thumbnails unavailable (error 1001)');
    });

    it('asks for none when the stream has no thumbnails', async () => {
      const { player } = await render(async () => ({ hlsUrl: streamUrl('T1'), thumbnails: null, expiresAt: new Date(Date.now() + 3_600_000).toISOString(), resumePosition: 0, duration: 30 }));
      expect(player.load).toHaveBeenCalled();
      expect(player.addThumbnailsTrack).not.toHaveBeenCalled();
    });
  });

  describe('link renewal', () => {
    it('renews once for requests refused together, sends their retries with the new token and never reloads the stream', async () => {
      const { player } = await render();
      FakePlayer.streamStatus = (uri) => (uri.includes('/T1/') ? 403 : 200);
      const retried = await Promise.all(['540p/seg_004.ts', 'subs/en_004.vtt', '540p/seg_005.ts'].map((file) => player.engine.request(streamUrl('T1', file))));
      expect(retried).toEqual([streamUrl('T2', '540p/seg_004.ts'), streamUrl('T2', 'subs/en_004.vtt'), streamUrl('T2', '540p/seg_005.ts')]);
      expect(player.engine.sent.filter((uri) => uri.includes('/T1/'))).toHaveLength(3);
      expect(startCalls()).toBe(2);
      expect(player.load).toHaveBeenCalledTimes(1);
      // Requests Shaka makes later with the old token go out with the new one straight away.
      expect(await player.engine.request(streamUrl('T1', '540p/seg_006.ts'))).toBe(streamUrl('T2', '540p/seg_006.ts'));
      expect(startCalls()).toBe(2);
    });

    it(`gives up after ${MAX_RENEWALS_WITHOUT_SUCCESS} renewals whose links are refused too, and says so with Retry`, async () => {
      const { fixture, element, player } = await render();
      FakePlayer.streamStatus = () => 403;
      await expect(player.engine.request(streamUrl('T1', '540p/seg_004.ts'))).rejects.toMatchObject({ code: 1001, severity: CRITICAL });
      await expect(player.engine.request(streamUrl('T1', '540p/seg_005.ts'))).rejects.toMatchObject({ code: 1001 });
      expect(startCalls()).toBe(1 + MAX_RENEWALS_WITHOUT_SUCCESS);
      fixture.detectChanges();
      expect(element.querySelector('[role="alert"] p')?.textContent).toContain('The stream could not be renewed');
      expect(element.querySelector('[role="alert"] button')?.textContent).toBe('Retry');
    });

    it('keeps renewing as long as the renewed links work', async () => {
      const { player } = await render();
      for (let round = 1; round <= 2 * MAX_RENEWALS_WITHOUT_SUCCESS; round++) {
        FakePlayer.streamStatus = (uri) => (uri.includes(`/T${round}/`) ? 403 : 200);
        expect(await player.engine.request(streamUrl(`T${round}`, `540p/seg_${round}.ts`))).toBe(streamUrl(`T${round + 1}`, `540p/seg_${round}.ts`));
      }
      expect(startCalls()).toBe(1 + 2 * MAX_RENEWALS_WITHOUT_SUCCESS);
    });
  });

  describe('errors', () => {
    it('rides out an error Shaka can recover from: logged, and playback goes on', async () => {
      const { fixture, element, player } = await render();
      player.dispatch('error', { detail: { severity: RECOVERABLE, category: 1, code: 1001, data: [] } });
      fixture.detectChanges();
      expect(element.querySelector('[role="alert"]')).toBeNull();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('1001'));
      expect(video.paused).toBe(false);
    });

    it('ends on a critical error in words, and Retry resumes at the same position with the same subtitles', async () => {
      const { fixture, element, player } = await render();
      player.textTracks = [{ language: 'en', kind: 'subtitle', active: true }];
      at(754);
      player.dispatch('error', { detail: { severity: CRITICAL, category: 3, code: 3016, data: [] } });
      fixture.detectChanges();
      expect(element.querySelector('[role="alert"] p')?.textContent).toBe('This video could not be decoded in this browser. (error 3016)');
      expect(video.paused).toBe(true);

      (element.querySelector('[role="alert"] button') as HTMLButtonElement).click();
      await settle();
      fixture.detectChanges();
      expect(startCalls()).toBe(2);
      expect(player.load).toHaveBeenLastCalledWith(streamUrl('T2'), 754);
      expect(player.selectTextTrack).toHaveBeenCalledWith(expect.objectContaining({ language: 'en' }));
      expect(element.querySelector('[role="alert"]')).toBeNull();
      expect(video.paused).toBe(false);
    });

    it('offers no Retry when the API refuses the title itself', async () => {
      const refusal = new HttpErrorResponse({ status: 404, error: { statusCode: 404, error: 'Not Found', message: 'Title tt1000 does not exist' } });
      const { fixture, element } = await render(() => Promise.reject(refusal));
      fixture.detectChanges();
      expect(element.querySelector('[role="alert"] p')?.textContent).toBe('Title tt1000 does not exist');
      expect(element.querySelector('[role="alert"] button')).toBeNull();
      expect(element.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/title/tt1000');
    });
  });

  describe('heartbeats', () => {
    it('sends again a heartbeat that failed offline once back online, and the last one on leaving with keepalive', async () => {
      const { fixture } = await render();
      heartbeatReply.mockRejectedValueOnce(new HttpErrorResponse({ status: 0 }));
      at(100);
      video.pause();
      await settle();
      expect(heartbeats().map(([, params]) => (params as { body: HeartbeatDto }).body)).toEqual([{ titleId: 'tt1000', position: 100, duration: 1800 }]);
      window.dispatchEvent(new Event('online'));
      await settle();
      expect(heartbeats().map(([, params]) => (params as { body: HeartbeatDto }).body.position)).toEqual([100, 100]);

      at(130);
      fixture.destroy();
      await settle();
      const last = heartbeats().at(-1) ?? [];
      expect((last[1] as { body: HeartbeatDto }).body.position).toBe(130);
      expect((last[2] as HttpContext).get(KEEPALIVE)).toBe(true);
    });

    it('never sends a position while a stream is still loading', async () => {
      const { fixture, element, player } = await render();
      at(300);
      player.dispatch('error', { detail: { severity: CRITICAL, category: 1, code: 1002, data: [] } });
      fixture.detectChanges();
      const beforeRetry = heartbeats().length;
      player.load.mockImplementationOnce(async () => {
        at(0);
        video.dispatchEvent(new Event('seeked'));
      });
      (element.querySelector('[role="alert"] button') as HTMLButtonElement).click();
      await settle();
      const positions = heartbeats().slice(beforeRetry).map(([, params]) => (params as { body: HeartbeatDto }).body.position);
      expect(positions).not.toContain(0);
    });
  });

  describe('keyboard', () => {
    it('plays and pauses with Space, mutes with M, moves 10 s with the arrows and toggles full screen with F', async () => {
      await render();
      at(100);
      key(' ');
      expect(video.paused).toBe(true);
      key(' ');
      expect(video.paused).toBe(false);
      key('m');
      expect(video.muted).toBe(true);
      key('ArrowRight');
      expect(video.currentTime).toBe(110);
      key('ArrowLeft');
      key('ArrowLeft');
      expect(video.currentTime).toBe(90);
      key('f');
      expect(FakeOverlay.controls.toggleFullScreen).toHaveBeenCalledTimes(1);
    });

    it('goes back to the title with Esc, unless Esc is closing a settings menu', async () => {
      await render();
      FakeOverlay.controls.anySettingsMenusAreOpen.mockReturnValueOnce(true);
      key('Escape');
      expect(navigate).not.toHaveBeenCalled();
      key('Escape');
      expect(navigate).toHaveBeenCalledWith(['/title', 'tt1000']);
    });
  });

  describe('series', () => {
    /** POST /play/start for episode N of season 1: 36 s with an intro and credits, followed by episode N + 1. */
    const episodeSession = async (params?: { body: { titleId: string; episodeId?: string } }) => {
      const episodeId = params?.body.episodeId ?? '';
      const number = Number(/e(\d+)$/.exec(episodeId)?.[1]);
      const token = `T${++grants}`;
      return {
        hlsUrl: streamUrl(token),
        thumbnails: null,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        resumePosition: 0,
        duration: 36,
        markers: [INTRO, CREDITS],
        next: { titleId: 'tt1003', episodeId: `tt1003-s1e${number + 1}` },
      };
    };
    const playing = (episode: string, changes: RenderOptions = {}) => render({ title: SERIES, episode, start: episodeSession, ...changes });
    const ended = (value: boolean) => Object.defineProperty(video, 'ended', { value, configurable: true });
    const moved = (event = 'timeupdate') => video.dispatchEvent(new Event(event));
    const button = (element: HTMLElement, name: string) => [...element.querySelectorAll('button')].find((candidate) => candidate.textContent?.includes(name)) as HTMLButtonElement | undefined;
    const bodies = () => heartbeats().map(([, params]) => (params as { body: HeartbeatDto }).body);

    /** Plays the credits and the end of the episode on screen. */
    async function playToTheEnd(fixture: ComponentFixture<PlayerPage>): Promise<void> {
      at(CREDITS.start);
      moved();
      fixture.detectChanges();
      at(CREDITS.end);
      ended(true);
      moved('ended');
      await settle();
      fixture.detectChanges();
    }

    /** The router's answer to the player's navigation: the same page, another episode. */
    async function routeTo(fixture: ComponentFixture<PlayerPage>, episode: string): Promise<void> {
      ended(false);
      at(0);
      fixture.componentRef.setInput('episode', episode);
      await fixture.whenStable();
      await settle();
      fixture.detectChanges();
    }

    it('plays the episode the URL names, heads it S1:E1 · name and heartbeats with it', async () => {
      const { fixture, element } = await playing('tt1003-s1e1');
      expect(invoke).toHaveBeenCalledWith(startPlayback, { body: { titleId: 'tt1003', episodeId: 'tt1003-s1e1' } });
      expect(element.querySelector('h1')?.textContent).toBe('Harbour Lights');
      expect(element.querySelector('.episode')?.textContent).toBe('S1:E1 · Landfall');
      at(12);
      video.pause();
      await settle();
      fixture.detectChanges();
      expect(bodies()).toEqual([{ titleId: 'tt1003', episodeId: 'tt1003-s1e1', position: 12, duration: 36 }]);
    });

    it('without an episode, goes to the one Continue Watching holds, or else S1:E1', async () => {
      const inProgress = { title: { id: 'tt1003' }, position: 12, duration: 36, progress: 0.3, episode: { id: 'tt1003-s1e2', season: 1, number: 2, name: 'Low Tide' } };
      await render({ title: SERIES, start: episodeSession, continueWatching: [inProgress] });
      expect(navigate).toHaveBeenCalledWith(['/play', 'tt1003'], { queryParams: { episode: 'tt1003-s1e2' }, replaceUrl: true });
      expect(invoke).not.toHaveBeenCalledWith(startPlayback, expect.anything());
      jest.restoreAllMocks();
      TestBed.resetTestingModule();
      await render({ title: SERIES, start: episodeSession });
      expect(navigate).toHaveBeenCalledWith(['/play', 'tt1003'], { queryParams: { episode: 'tt1003-s1e1' }, replaceUrl: true });
    });

    it('offers Skip intro inside the intro only, and skipping lands at its end', async () => {
      const { fixture, element } = await playing('tt1003-s1e1');
      at(1);
      moved();
      fixture.detectChanges();
      expect(button(element, 'Skip')).toBeUndefined();
      at(3);
      moved();
      fixture.detectChanges();
      button(element, 'Skip intro')?.click();
      expect(video.currentTime).toBe(INTRO.end);
      moved('seeked');
      fixture.detectChanges();
      expect(button(element, 'Skip')).toBeUndefined();
    });

    it('steps the skip button aside while one of the player\'s settings menus is open over it', async () => {
      const { fixture, element } = await playing('tt1003-s1e1');
      at(3);
      moved();
      fixture.detectChanges();
      const menu = element.querySelector('.video')?.appendChild(document.createElement('div')) as HTMLElement;
      FakeOverlay.controls.anySettingsMenusAreOpen.mockReturnValue(true);
      menu.className = 'shaka-settings-menu';
      await settle();
      fixture.detectChanges();
      expect(button(element, 'Skip')).toBeUndefined();
      FakeOverlay.controls.anySettingsMenusAreOpen.mockReturnValue(false);
      menu.className = 'shaka-settings-menu shaka-hidden';
      await settle();
      fixture.detectChanges();
      expect(button(element, 'Skip intro')).toBeDefined();
    });

    it('offers the next episode in the credits with a countdown, then plays it in the same player', async () => {
      const { fixture, element, player } = await playing('tt1003-s1e1');
      at(CREDITS.start);
      moved();
      await settle();
      fixture.detectChanges();
      expect(element.querySelector('app-up-next-card .name')?.textContent).toBe('S1:E2 · Low Tide');
      expect(element.querySelector('app-up-next-card .count')?.textContent).toContain('Starts in 6 s');
      expect(element.querySelector('[aria-live]')?.textContent).toBe('Next episode: S1:E2 · Low Tide.');
      expect(navigate).not.toHaveBeenCalled();

      await playToTheEnd(fixture);
      expect(navigate).toHaveBeenCalledWith(['/play', 'tt1003'], { queryParams: { episode: 'tt1003-s1e2' }, replaceUrl: true });
      await routeTo(fixture, 'tt1003-s1e2');
      expect(FakePlayer.latest).toBe(player);
      expect(player.load).toHaveBeenCalledTimes(2);
      expect(invoke).toHaveBeenLastCalledWith(startPlayback, { body: { titleId: 'tt1003', episodeId: 'tt1003-s1e2' } });
      expect(element.querySelector('.episode')?.textContent).toBe('S1:E2 · Low Tide');
      expect(element.querySelector('app-up-next-card')).toBeNull();
      // The episode that ended keeps its last position.
      expect(bodies()).toContainEqual({ titleId: 'tt1003', episodeId: 'tt1003-s1e1', position: 36, duration: 36 });
    });

    it('Cancel keeps the next episode from starting', async () => {
      const { fixture, element } = await playing('tt1003-s1e1');
      at(31);
      moved();
      fixture.detectChanges();
      button(element, 'Cancel')?.click();
      fixture.detectChanges();
      expect(element.querySelector('app-up-next-card')).toBeNull();
      await playToTheEnd(fixture);
      expect(navigate).not.toHaveBeenCalled();
    });

    it('does not autoplay when the profile says no: no countdown, Play now plays it', async () => {
      const { fixture, element } = await playing('tt1003-s1e1', { autoplayNext: false });
      await playToTheEnd(fixture);
      expect(element.querySelector('app-up-next-card .count')).toBeNull();
      expect(navigate).not.toHaveBeenCalled();
      button(element, 'Play now')?.click();
      expect(navigate).toHaveBeenCalledWith(['/play', 'tt1003'], { queryParams: { episode: 'tt1003-s1e2' }, replaceUrl: true });
    });

    it('asks "Are you still watching?" instead of a fourth episode autoplayed with no input, and Continue plays it', async () => {
      const { fixture, element } = await playing('tt1003-s1e1');
      for (let episode = 2; episode <= 4; episode++) {
        await playToTheEnd(fixture);
        expect(navigate).toHaveBeenLastCalledWith(['/play', 'tt1003'], { queryParams: { episode: `tt1003-s1e${episode}` }, replaceUrl: true });
        await routeTo(fixture, `tt1003-s1e${episode}`);
      }
      navigate.mockClear();
      at(CREDITS.start);
      moved();
      fixture.detectChanges();
      at(CREDITS.start + 10);
      moved();
      fixture.detectChanges();
      expect(navigate).not.toHaveBeenCalled();
      expect(video.paused).toBe(true);
      expect(element.querySelector('[role="alertdialog"] h2')?.textContent).toBe('Are you still watching?');
      expect(element.querySelector('app-up-next-card')).toBeNull();
      button(element, 'Continue')?.click();
      expect(navigate).toHaveBeenCalledWith(['/play', 'tt1003'], { queryParams: { episode: 'tt1003-s1e5' }, replaceUrl: true });
    });

    it('a key pressed on the player counts as someone watching: autoplay goes on', async () => {
      const { fixture } = await playing('tt1003-s1e1');
      for (let episode = 2; episode <= 4; episode++) {
        await playToTheEnd(fixture);
        await routeTo(fixture, `tt1003-s1e${episode}`);
      }
      key('m');
      await playToTheEnd(fixture);
      expect(navigate).toHaveBeenLastCalledWith(['/play', 'tt1003'], { queryParams: { episode: 'tt1003-s1e5' }, replaceUrl: true });
    });
  });

  describe('the end of a film', () => {
    it('offers three titles like it', async () => {
      const { fixture, element } = await render();
      at(1800);
      Object.defineProperty(video, 'ended', { value: true, configurable: true });
      video.dispatchEvent(new Event('ended'));
      await settle();
      fixture.detectChanges();
      expect(library['similarTo']).toHaveBeenCalledWith('tt1000');
      const links = [...element.querySelectorAll('app-more-to-watch li a')].map((link) => link.getAttribute('href'));
      expect(links).toEqual(['/title/tt1010', '/title/tt1011', '/title/tt1012']);
      expect(element.querySelector('app-up-next-card')).toBeNull();
    });
  });
});
