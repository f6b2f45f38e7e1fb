import { RedisAttemptCounterRepository } from '../../src/auth/redis-attempt-counter.repository';
import { loadConfig } from '../../src/config/load-config';
import { RedisClients } from '../../src/redis/redis-clients.service';
import { redisUnavailable, TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis-server';
import { attemptCountersContract } from './attempt-counters.contract';

/** The sign-in counters keep the same contract when Redis holds them for every instance. */
const skipped = redisUnavailable();
(skipped ? describe.skip : describe)(`sign-in counters on Redis${skipped ? ` (not run: ${skipped})` : ''}`, () => {
  let clients: RedisClients;
  let counters: RedisAttemptCounterRepository;

  beforeAll(async () => {
    clients = new RedisClients(loadConfig({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix(), INSTANCE_ID: 'contract' }));
    await new Promise<void>((resolve) => (clients.ready ? resolve() : clients.commands?.once('ready', () => resolve())));
    counters = new RedisAttemptCounterRepository(clients);
  });

  afterAll(() => clients.onApplicationShutdown());

  attemptCountersContract(() => counters);

  it('keeps its keys inside its prefix, so deployments sharing one Redis never count each other', async () => {
    await counters.hit('address:prefix-check', 60_000, Date.UTC(2026, 0, 1));
    const other = new RedisClients(loadConfig({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueRedisPrefix(), INSTANCE_ID: 'contract-other' }));
    try {
      await new Promise<void>((resolve) => (other.ready ? resolve() : other.commands?.once('ready', () => resolve())));
      expect(await new RedisAttemptCounterRepository(other).peek('address:prefix-check', Date.UTC(2026, 0, 1))).toBeUndefined();
      expect(await counters.peek('address:prefix-check', Date.UTC(2026, 0, 1))).toEqual({ count: 1, endsAt: Date.UTC(2026, 0, 1) + 60_000 });
    } finally {
      await other.onApplicationShutdown();
    }
  });
});
