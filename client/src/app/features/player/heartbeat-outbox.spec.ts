import { HttpContext, HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Api, HeartbeatDto } from '@streaming/api';
import { KEEPALIVE } from '../../core/http/keepalive.interceptor';
import { ViewerLibrary } from '../../core/library/viewer-library';
import { SessionStore } from '../../core/session/session.store';
import { HeartbeatOutbox } from './heartbeat-outbox';

const OFFLINE = new HttpErrorResponse({ status: 0, statusText: 'Unknown Error' });
const beat = (position: number, titleId = 'tt1000'): HeartbeatDto => ({ titleId, position, duration: 36 });

/** A reply the test gives when it chooses, to hold a heartbeat on its way. */
function deferred() {
  let settle: { resolve: (value?: unknown) => void; reject: (error: unknown) => void } = { resolve: () => undefined, reject: () => undefined };
  const promise = new Promise((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe('HeartbeatOutbox', () => {
  let invoke: jest.Mock;
  let progressChanged: jest.Mock;
  let user: ReturnType<typeof signal<{ id: string; email: string; name: string } | null>>;
  let profile: ReturnType<typeof signal<{ id: string } | null>>;
  let outbox: HeartbeatOutbox;

  /** The positions the server was sent, in order. */
  const sent = () => invoke.mock.calls.map(([, params]) => (params as { body: HeartbeatDto }).body.position);
  const settle = () => jest.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    jest.useFakeTimers();
    invoke = jest.fn().mockResolvedValue(undefined);
    progressChanged = jest.fn();
    user = signal({ id: 'user_1', email: 'ada@example.com', name: 'Ada' });
    profile = signal({ id: 'prof_ada' });
    TestBed.configureTestingModule({
      providers: [
        { provide: Api, useValue: { invoke } },
        { provide: ViewerLibrary, useValue: { progressChanged } },
        { provide: SessionStore, useValue: { user, profile } },
      ],
    });
    outbox = TestBed.inject(HeartbeatOutbox);
    TestBed.tick();
  });

  afterEach(() => {
    TestBed.resetTestingModule();
    jest.useRealTimers();
  });

  it('sends a heartbeat at once and tells the pages that show progress', async () => {
    outbox.send(beat(10));
    await settle();
    expect(sent()).toEqual([10]);
    expect(progressChanged).toHaveBeenCalledTimes(1);
  });

  it('keeps a heartbeat sent while offline and sends it again when the browser is back online', async () => {
    invoke.mockRejectedValueOnce(OFFLINE);
    outbox.send(beat(10));
    await settle();
    expect(progressChanged).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(sent()).toEqual([10, 10]);
    expect(progressChanged).toHaveBeenCalledTimes(1);
  });

  it('tries a failed heartbeat again after 2 s, then 4 s, when no online event comes', async () => {
    invoke.mockRejectedValueOnce(OFFLINE).mockRejectedValueOnce(new HttpErrorResponse({ status: 503 }));
    outbox.send(beat(10));
    await jest.advanceTimersByTimeAsync(1_999);
    expect(sent()).toEqual([10]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent()).toEqual([10, 10]);
    await jest.advanceTimersByTimeAsync(3_999);
    expect(sent()).toEqual([10, 10]);
    await jest.advanceTimersByTimeAsync(1);
    expect(sent()).toEqual([10, 10, 10]);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(sent()).toEqual([10, 10, 10]);
  });

  it('keeps only the newest failed heartbeat of a title, and one of each title', async () => {
    invoke.mockRejectedValueOnce(OFFLINE).mockRejectedValueOnce(OFFLINE).mockRejectedValueOnce(OFFLINE);
    outbox.send(beat(10));
    await settle();
    outbox.send(beat(20));
    await settle();
    outbox.send(beat(5, 'tt2000'));
    await settle();
    invoke.mockClear();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(invoke.mock.calls.map(([, params]) => (params as { body: HeartbeatDto }).body)).toEqual([beat(20), beat(5, 'tt2000')]);
  });

  it('sends one heartbeat of a title at a time, and the newest when the one on its way answers', async () => {
    const first = deferred();
    invoke.mockReturnValueOnce(first.promise);
    outbox.send(beat(10));
    outbox.send(beat(20));
    outbox.send(beat(30));
    await settle();
    expect(sent()).toEqual([10]);
    first.resolve();
    await settle();
    expect(sent()).toEqual([10, 30]);
  });

  it('never sends an older heartbeat again once a newer one has landed', async () => {
    const first = deferred();
    invoke.mockReturnValueOnce(first.promise);
    outbox.send(beat(10));
    outbox.send(beat(20));
    first.reject(OFFLINE);
    await settle();
    expect(sent()).toEqual([10, 20]);
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(120_000);
    expect(sent()).toEqual([10, 20]);
  });

  it('sends the last heartbeat on leaving at once with keepalive, and an older one failing after it is not sent again', async () => {
    const first = deferred();
    invoke.mockReturnValueOnce(first.promise);
    outbox.send(beat(10));
    outbox.send(beat(12), true);
    await settle();
    expect(sent()).toEqual([10, 12]);
    const leavingContext = invoke.mock.calls[1][2] as HttpContext;
    expect(leavingContext.get(KEEPALIVE)).toBe(true);
    first.reject(OFFLINE);
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(120_000);
    expect(sent()).toEqual([10, 12]);
  });

  it('keeps the last heartbeat on leaving when it fails, and sends it when back online', async () => {
    invoke.mockRejectedValueOnce(OFFLINE);
    outbox.send(beat(12), true);
    await settle();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(sent()).toEqual([12, 12]);
  });

  it('drops a heartbeat the server refuses outright, since it would be refused again', async () => {
    invoke.mockRejectedValueOnce(new HttpErrorResponse({ status: 400, error: { message: 'position must not be greater than 37' } }));
    outbox.send(beat(99));
    await settle();
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(120_000);
    expect(sent()).toEqual([99]);
  });

  it('forgets unsent heartbeats when another viewer signs in on this browser', async () => {
    invoke.mockRejectedValueOnce(OFFLINE);
    outbox.send(beat(10));
    await settle();
    user.set({ id: 'user_2', email: 'bo@example.com', name: 'Bo' });
    TestBed.tick();
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(120_000);
    expect(sent()).toEqual([10]);
  });

  it('forgets unsent heartbeats when another profile is chosen, so they never count as its viewing', async () => {
    invoke.mockRejectedValueOnce(OFFLINE);
    outbox.send(beat(10));
    await settle();
    profile.set({ id: 'prof_sam' });
    TestBed.tick();
    window.dispatchEvent(new Event('online'));
    await jest.advanceTimersByTimeAsync(120_000);
    expect(sent()).toEqual([10]);
  });

  it('keeps each episode of a series apart: the end of one is still sent, offline, after the next has begun', async () => {
    invoke.mockRejectedValueOnce(OFFLINE);
    outbox.send({ titleId: 'tt1003', episodeId: 'tt1003-s1e1', position: 36, duration: 36 });
    await settle();
    outbox.send({ titleId: 'tt1003', episodeId: 'tt1003-s1e2', position: 4, duration: 36 });
    await settle();
    window.dispatchEvent(new Event('online'));
    await settle();
    const bodies = invoke.mock.calls.map(([, params]) => (params as { body: HeartbeatDto }).body);
    expect(bodies.filter((body) => body.episodeId === 'tt1003-s1e1').map((body) => body.position)).toEqual([36, 36]);
    expect(bodies.filter((body) => body.episodeId === 'tt1003-s1e2').map((body) => body.position)).toEqual([4]);
  });
});
