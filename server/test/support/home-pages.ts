import { Clock } from '../../src/common/clock/clock';
import { AppConfig } from '../../src/config/app-config';
import { HomePages } from '../../src/recs/home-pages.service';
import { CacheInvalidations } from '../../src/redis/cache-invalidations.service';
import { RedisClients } from '../../src/redis/redis-clients.service';

/** The home pages of a lone instance (no REDIS_URL): what unit tests of the services that change them need. */
export function loneHomePages(config: AppConfig, clock: Clock): HomePages {
  return new HomePages(new CacheInvalidations(new RedisClients(config), config), clock);
}
