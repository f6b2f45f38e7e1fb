import { RequestCache } from './request-cache';

describe('RequestCache', () => {
  let cache: RequestCache;

  beforeEach(() => {
    cache = new RequestCache();
    jest.useFakeTimers();
  });

  afterEach(() => jest.useRealTimers());

  it('shares a request in flight and reuses its answer while fresh', async () => {
    const load = jest.fn(() => Promise.resolve('rows'));
    const [a, b] = await Promise.all([cache.get('home', 1000, load), cache.get('home', 1000, load)]);
    expect([a, b]).toEqual(['rows', 'rows']);
    expect(await cache.get('home', 1000, load)).toBe('rows');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads again once the answer is older than allowed', async () => {
    const load = jest.fn(() => Promise.resolve(1));
    await cache.get('k', 1000, load);
    jest.advanceTimersByTime(1001);
    await cache.get('k', 1000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not remember failures', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('ok');
    await expect(cache.get('k', 1000, load)).rejects.toThrow('offline');
    expect(await cache.get('k', 1000, load)).toBe('ok');
  });

  it('forgets by prefix', async () => {
    const load = jest.fn(() => Promise.resolve(1));
    await cache.get('me:list', 60_000, load);
    await cache.get('title:tt1000', 60_000, load);
    cache.invalidate('me:');
    await cache.get('me:list', 60_000, load);
    await cache.get('title:tt1000', 60_000, load);
    expect(load).toHaveBeenCalledTimes(3);
  });
});
