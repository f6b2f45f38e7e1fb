import { PreparedJson } from '../common/http/prepared-json';
import { HomePageCache } from './home-page-cache';

describe('HomePageCache', () => {
  const MAX_AGE_MS = 30_000;
  let now: number;
  let cache: HomePageCache;

  beforeEach(() => {
    now = 0;
    cache = new HomePageCache(2, MAX_AGE_MS, () => now);
  });

  function keep(profileId: string, maxLevel: number, rows: string[]): PreparedJson {
    const page = PreparedJson.of({ rows });
    cache.remember(cache.ticket(), profileId, maxLevel, page);
    return page;
  }

  it('serves a profile its own page, and only for the ceiling it was made for', () => {
    const page = keep('prof_a', 4, ['trending']);
    expect(cache.get('prof_a', 4)).toBe(page);
    expect(cache.get('prof_a', 2)).toBeUndefined();
    expect(cache.get('prof_b', 4)).toBeUndefined();
    const kids = keep('prof_a', 2, ['trending']);
    expect(cache.get('prof_a', 2)).toBe(kids);
    expect(cache.get('prof_a', 4)).toBeUndefined();
  });

  it('serves a page until it is older than the bound, never after', () => {
    const page = keep('prof_a', 4, ['trending']);
    now += MAX_AGE_MS;
    expect(cache.get('prof_a', 4)).toBe(page);
    now += 1;
    expect(cache.get('prof_a', 4)).toBeUndefined();
  });

  it('does not keep a page made while a profile was forgotten: it may have been read before the change', () => {
    const ticket = cache.ticket();
    cache.forget(['prof_b']);
    cache.remember(ticket, 'prof_a', 4, PreparedJson.of({ rows: [] }));
    expect(cache.get('prof_a', 4)).toBeUndefined();
  });

  it('forgets the named profiles, or all, and holds at most its capacity, the least recently used going first', () => {
    keep('prof_a', 4, ['a']);
    keep('prof_b', 4, ['b']);
    cache.forget(['prof_a']);
    expect(cache.get('prof_a', 4)).toBeUndefined();
    expect(cache.get('prof_b', 4)).toBeDefined();

    keep('prof_a', 4, ['a']);
    cache.get('prof_b', 4);
    keep('prof_c', 4, ['c']);
    expect(cache.get('prof_a', 4)).toBeUndefined();
    expect(cache.get('prof_b', 4)).toBeDefined();
    expect(cache.get('prof_c', 4)).toBeDefined();
    cache.forgetAll();
    expect(cache.get('prof_b', 4)).toBeUndefined();
    expect(cache.get('prof_c', 4)).toBeUndefined();
  });
});
