import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Api, prepareStream } from '@streaming/api';
import { PlaybackPrefetch } from './playback-prefetch';
import { ShakaLoader } from './shaka-loader';

const STREAM = 'http://api.test/stream/tt1000.dXNlcg.c2Vzcw.1795530000.c2ln';
const MASTER = `#EXTM3U
#EXT-X-STREAM-INF:BANDWIDTH=390614,RESOLUTION=1280x720
720p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=200374,RESOLUTION=640x360
360p/index.m3u8
`;
const PREPARED_AT = Date.parse('2026-11-30T12:00:00Z');
const SIX_HOURS = 6 * 3600_000;

describe('PlaybackPrefetch', () => {
  let invoke: jest.Mock;
  let loadShaka: jest.Mock;
  let loadPlayerRoute: jest.Mock;
  let fetched: string[];
  let prefetch: PlaybackPrefetch;
  const idle = () => jest.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    jest.useFakeTimers({ now: PREPARED_AT });
    invoke = jest.fn().mockResolvedValue({ hlsUrl: `${STREAM}/master.m3u8`, expiresAt: new Date(PREPARED_AT + SIX_HOURS).toISOString() });
    loadShaka = jest.fn().mockResolvedValue({});
    loadPlayerRoute = jest.fn().mockResolvedValue({});
    fetched = [];
    globalThis.fetch = jest.fn(async (url: string | URL | Request) => {
      fetched.push(String(url));
      const body = String(url).endsWith('/master.m3u8') ? MASTER : '#EXTM3U';
      return { text: async () => body } as Response;
    }) as typeof fetch;
    TestBed.configureTestingModule({
      providers: [
        { provide: Api, useValue: { invoke } },
        { provide: ShakaLoader, useValue: { load: loadShaka } },
      ],
    });
    prefetch = TestBed.inject(PlaybackPrefetch);
    prefetch.loadPlayerRoute = loadPlayerRoute;
  });

  afterEach(() => jest.useRealTimers());

  it('waits for an idle moment, then fetches the player code, a prepared link, the master and each rendition’s playlist', async () => {
    prefetch.warm({ titleId: 'tt1000' });
    expect(invoke).not.toHaveBeenCalled();
    await idle();
    expect(loadShaka).toHaveBeenCalledTimes(1);
    expect(loadPlayerRoute).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith(prepareStream, { body: { titleId: 'tt1000' } });
    expect(fetched).toEqual([`${STREAM}/master.m3u8`, `${STREAM}/360p/index.m3u8`, `${STREAM}/720p/index.m3u8`]);
    expect(prefetch.take('tt1000')).toBe(`${STREAM}/master.m3u8`);
  });

  it('fetches nothing at all for a viewer who leaves before the page is idle', async () => {
    const leave = prefetch.warm({ titleId: 'tt1000' });
    leave();
    await idle();
    await jest.advanceTimersByTimeAsync(5000);
    expect([loadShaka, loadPlayerRoute, invoke].map((mock) => mock.mock.calls.length)).toEqual([0, 0, 0]);
    expect(fetched).toEqual([]);
    expect(prefetch.take('tt1000')).toBeNull();
  });

  it('starts no playlist fetch once the viewer has left, though the link asked for before may still be taken by Play', async () => {
    let answer: (value: unknown) => void = () => undefined;
    invoke.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const leave = prefetch.warm({ titleId: 'tt1000' });
    await idle();
    leave();
    answer({ hlsUrl: `${STREAM}/master.m3u8`, expiresAt: new Date(PREPARED_AT + SIX_HOURS).toISOString() });
    await idle();
    expect(fetched).toEqual([]);
    expect(prefetch.take('tt1000')).toBe(`${STREAM}/master.m3u8`);
  });

  it('hands the link out once, only for its title, and not once half its life has gone', async () => {
    prefetch.warm({ titleId: 'tt1000' });
    await idle();
    expect(prefetch.take('tt1001')).toBeNull();
    expect(prefetch.take('tt1000')).toBeNull();

    prefetch.warm({ titleId: 'tt1000' });
    await idle();
    expect(prefetch.take('tt1000', undefined, PREPARED_AT + SIX_HOURS / 2)).toBeNull();

    prefetch.warm({ titleId: 'tt1000' });
    await idle();
    expect(prefetch.take('tt1000', undefined, PREPARED_AT + SIX_HOURS / 2 - 1)).toBe(`${STREAM}/master.m3u8`);
    expect(prefetch.take('tt1000')).toBeNull();
  });

  it('prepares one episode of a series, and hands its link only to that episode', async () => {
    prefetch.warm({ titleId: 'tt1003', episodeId: 'tt1003-s1e2' });
    await idle();
    expect(invoke).toHaveBeenCalledWith(prepareStream, { body: { titleId: 'tt1003', episodeId: 'tt1003-s1e2' } });
    expect(prefetch.take('tt1003', 'tt1003-s1e3')).toBeNull();

    prefetch.warm({ titleId: 'tt1003', episodeId: 'tt1003-s1e2' });
    await idle();
    expect(prefetch.take('tt1003')).toBeNull();

    prefetch.warm({ titleId: 'tt1003', episodeId: 'tt1003-s1e2' });
    await idle();
    expect(prefetch.take('tt1003', 'tt1003-s1e2')).toBe(`${STREAM}/master.m3u8`);
  });

  it('swallows a refused prepare: no playlist is fetched and Play asks for its own link', async () => {
    invoke.mockRejectedValue(new HttpErrorResponse({ status: 403 }));
    prefetch.warm({ titleId: 'tt1000' });
    await idle();
    expect(fetched).toEqual([]);
    expect(prefetch.take('tt1000')).toBeNull();
  });
});
