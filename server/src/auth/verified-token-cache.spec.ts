import { VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  let nowMs: number;
  const cache = (capacity = 10) => new VerifiedTokenCache(capacity, () => nowMs);

  beforeEach(() => {
    nowMs = 1_000_000_000_000;
  });

  it('returns the claims of a remembered token until the second of its expiry', () => {
    const tokens = cache();
    const claims = { sub: 'user_1', sid: 'sess_1', exp: nowMs / 1000 + 60 };
    tokens.remember('a.b.c', claims);
    expect(tokens.get('a.b.c')).toBe(claims);
    nowMs += 59_999;
    expect(tokens.get('a.b.c')).toBe(claims);
    nowMs += 1;
    expect(tokens.get('a.b.c')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('knows nothing of a token it was not given, even one differing by a character', () => {
    const tokens = cache();
    tokens.remember('a.b.c', { exp: nowMs / 1000 + 60 });
    expect(tokens.get('a.b.d')).toBeUndefined();
    expect(tokens.get('')).toBeUndefined();
  });

  it('does not keep tokens without a numeric expiry', () => {
    const tokens = cache();
    tokens.remember('no-exp', {});
    tokens.remember('text-exp', { exp: '9999999999' });
    tokens.remember('infinite-exp', { exp: Infinity });
    expect(tokens.size).toBe(0);
  });

  it('holds at most its capacity, forgetting the least recently used first', () => {
    const tokens = cache(2);
    const exp = nowMs / 1000 + 60;
    tokens.remember('first', { exp });
    tokens.remember('second', { exp });
    tokens.get('first');
    tokens.remember('third', { exp });
    expect(tokens.size).toBe(2);
    expect(tokens.get('second')).toBeUndefined();
    expect(tokens.get('first')).toBeDefined();
    expect(tokens.get('third')).toBeDefined();
  });
});
