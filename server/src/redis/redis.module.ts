import { Global, Module } from '@nestjs/common';
import { RedisClients } from './redis-clients';

/** Redis connections for whoever shares state across instances; nothing connects without REDIS_URL. */
@Global()
@Module({
  providers: [RedisClients],
  exports: [RedisClients],
})
export class RedisModule {}
