import { Injectable } from '@nestjs/common';
import { RedisClients } from '../redis/redis-clients.service';
import { AttemptCounterRepository, AttemptWindow } from './attempt-counter.repository';
import { InMemoryAttemptCounterRepository } from './in-memory-attempt-counter.repository';

const PREFIX = 'attempts:';

/**
 * Counts one hit, opening a new window when none is open at `now`: one script, so concurrent hits
 * from every instance each count. The key expires (Redis's own clock) a little after its window, so
 * Redis forgets what no one will ask about.
 */
const HIT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local ends = tonumber(redis.call('HGET', KEYS[1], 'ends'))
if ends == nil or ends <= now then
  ends = now + window
  redis.call('HSET', KEYS[1], 'count', 1, 'ends', ends)
else
  redis.call('HINCRBY', KEYS[1], 'count', 1)
end
redis.call('PEXPIRE', KEYS[1], window + 60000)
return { tonumber(redis.call('HGET', KEYS[1], 'count')), ends }
`;

/**
 * Sign-in counters in Redis, shared by every instance. While Redis is away each instance counts on
 * its own (limits per instance rather than shared, logged) instead of refusing or failing sign-ins.
 */
@Injectable()
export class RedisAttemptCounterRepository extends AttemptCounterRepository {
  /** Each key expires a minute after its window; `deleteExpired` is there for whoever asks, not for a timer. */
  override readonly forgetsClosedWindows = true;
  private readonly alone = new InMemoryAttemptCounterRepository();

  constructor(private readonly redis: RedisClients) {
    super();
  }

  hit(key: string, windowMs: number, now: number): Promise<AttemptWindow> {
    return this.shared(
      async (redis) => {
        const [count, endsAt] = (await redis.eval(HIT, 1, PREFIX + key, now, windowMs)) as [number, number];
        return { count, endsAt };
      },
      () => this.alone.hit(key, windowMs, now),
    );
  }

  peek(key: string, now: number): Promise<AttemptWindow | undefined> {
    return this.shared(
      async (redis) => {
        const [count, ends] = await redis.hmget(PREFIX + key, 'count', 'ends');
        const endsAt = Number(ends);
        return count !== null && ends !== null && endsAt > now ? { count: Number(count), endsAt } : undefined;
      },
      () => this.alone.peek(key, now),
    );
  }

  clear(key: string): Promise<void> {
    // Forget it here too: counts made while Redis was away must not outlive a success.
    void this.alone.clear(key);
    return this.shared(
      async (redis) => {
        await redis.del(PREFIX + key);
      },
      async () => undefined,
    );
  }

  deleteExpired(now: number): Promise<number> {
    return this.shared(
      async (redis) => {
        let removed = await this.alone.deleteExpired(now);
        for (const key of await this.keys()) {
          const ends = Number(await redis.hget(key, 'ends'));
          if (ends <= now) removed += await redis.del(key);
        }
        return removed;
      },
      () => this.alone.deleteExpired(now),
    );
  }

  count(): Promise<number> {
    return this.shared(
      async () => (await this.keys()).length + (await this.alone.count()),
      () => this.alone.count(),
    );
  }

  private async keys(): Promise<string[]> {
    const redis = this.redis.commands;
    if (!redis) return [];
    const found: string[] = [];
    let cursor = '0';
    // SCAN sees whole key names: the pattern carries the connection's prefix, and the names found lose it
    // again before they are used with commands that add it.
    const prefix = this.redis.keyPrefix;
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}${PREFIX}*`, 'COUNT', 500);
      found.push(...batch.map((key) => key.slice(prefix.length)));
      cursor = next;
    } while (cursor !== '0');
    return found;
  }

  private async shared<T>(withRedis: (redis: NonNullable<RedisClients['commands']>) => Promise<T>, alone: () => Promise<T>): Promise<T> {
    const redis = this.redis.commands;
    if (!redis || !this.redis.ready) {
      this.redis.reportFailure('sign-in limits are counted per instance until it is back', new Error(redis ? `connection ${redis.status}` : 'not configured'));
      return alone();
    }
    try {
      return await withRedis(redis);
    } catch (error) {
      this.redis.reportFailure('sign-in limits are counted per instance until it is back', error);
      return alone();
    }
  }
}
