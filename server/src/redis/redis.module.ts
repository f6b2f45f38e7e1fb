import { Global, Module } from '@nestjs/common';
import { CacheInvalidations } from './cache-invalidations.service';
import { RedisClients } from './redis-clients.service';

/** Redis connections for whoever shares state across instances (nothing connects without REDIS_URL), and the news of changes to what instances remember. */
@Global()
@Module({
  providers: [RedisClients, CacheInvalidations],
  exports: [RedisClients, CacheInvalidations],
})
export class RedisModule {}
