import { DynamicModule, Global, Module, Provider, Type } from '@nestjs/common';
import { AttemptCounterRepository } from '../auth/attempt-counter.repository';
import { InMemoryAttemptCounterRepository } from '../auth/in-memory-attempt-counter.repository';
import { InMemoryRefreshTokenRepository } from '../auth/in-memory-refresh-token.repository';
import { PostgresAttemptCounterRepository } from '../auth/postgres-attempt-counter.repository';
import { PostgresRefreshTokenRepository } from '../auth/postgres-refresh-token.repository';
import { RedisAttemptCounterRepository } from '../auth/redis-attempt-counter.repository';
import { RefreshTokenRepository } from '../auth/refresh-token.repository';
import { InMemoryMyListRepository } from '../account/in-memory-my-list.repository';
import { InMemoryRatingsRepository } from '../account/in-memory-ratings.repository';
import { MyListRepository } from '../account/my-list.repository';
import { PostgresMyListRepository } from '../account/postgres-my-list.repository';
import { PostgresRatingsRepository } from '../account/postgres-ratings.repository';
import { RatingsRepository } from '../account/ratings.repository';
import { buildCatalog } from '../catalog/catalog-seed';
import { CatalogRepository } from '../catalog/catalog.repository';
import { InMemoryCatalogRepository } from '../catalog/in-memory-catalog.repository';
import { PostgresCatalogRepository } from '../catalog/postgres-catalog.repository';
import { ImmediateTransactions } from '../common/transactions/immediate-transactions.service';
import { Transactions } from '../common/transactions/transactions';
import { AppConfig } from '../config/app-config';
import { DatabaseClient } from '../database/database-client';
import { DatabaseModule } from '../database/database.module';
import { DatabaseTransactions } from '../database/database-transactions.service';
import { InMemoryPlayEventRepository } from '../playback/in-memory-play-event.repository';
import { InMemoryProgressRepository } from '../playback/in-memory-progress.repository';
import { LocalPlayEventFeed } from '../playback/local-play-event-feed.service';
import { PlayEventFeed } from '../playback/play-event-feed';
import { PostgresNotifyPlayEventFeed } from '../playback/postgres-notify-play-event-feed.service';
import { PlayEventRepository } from '../playback/play-event.repository';
import { PostgresPlayEventRepository } from '../playback/postgres-play-event.repository';
import { PostgresProgressRepository } from '../playback/postgres-progress.repository';
import { ProgressRepository } from '../playback/progress.repository';
import { EpisodeRepository } from '../series/episode.repository';
import { InMemoryEpisodeRepository } from '../series/in-memory-episode.repository';
import { PostgresEpisodeRepository } from '../series/postgres-episode.repository';
import { curatedEpisodesIn } from '../series/series-seed';
import { RedisModule } from '../redis/redis.module';
import { InMemoryProfileRepository } from '../profiles/in-memory-profile.repository';
import { PostgresProfileRepository } from '../profiles/postgres-profile.repository';
import { ProfileRepository } from '../profiles/profile.repository';
import { InMemoryUserRepository } from '../users/in-memory-user.repository';
import { PostgresUserRepository } from '../users/postgres-user.repository';
import { UserRepository } from '../users/user.repository';

/** Each port and its implementation in either store. */
const PORTS: { port: abstract new (...args: never[]) => unknown; memory: Type; postgres: Type }[] = [
  { port: UserRepository, memory: InMemoryUserRepository, postgres: PostgresUserRepository },
  { port: ProfileRepository, memory: InMemoryProfileRepository, postgres: PostgresProfileRepository },
  { port: RefreshTokenRepository, memory: InMemoryRefreshTokenRepository, postgres: PostgresRefreshTokenRepository },
  { port: AttemptCounterRepository, memory: InMemoryAttemptCounterRepository, postgres: PostgresAttemptCounterRepository },
  { port: MyListRepository, memory: InMemoryMyListRepository, postgres: PostgresMyListRepository },
  { port: RatingsRepository, memory: InMemoryRatingsRepository, postgres: PostgresRatingsRepository },
  { port: ProgressRepository, memory: InMemoryProgressRepository, postgres: PostgresProgressRepository },
  { port: PlayEventRepository, memory: InMemoryPlayEventRepository, postgres: PostgresPlayEventRepository },
  { port: Transactions, memory: ImmediateTransactions, postgres: DatabaseTransactions },
];

/**
 * The one place that decides which store serves each port, from `STORE` (and `REDIS_URL` for the
 * sign-in counters): services ask for the abstract class and never learn which implementation they got.
 */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    const store = config.store;
    const providers: Provider[] = PORTS.map(({ port, memory, postgres }) => {
      // Sign-in counters are fast, short-lived state: in Redis when there is one, shared by every instance.
      if (port === AttemptCounterRepository && config.redisUrl) return { provide: port, useClass: RedisAttemptCounterRepository };
      return { provide: port, useClass: store === 'memory' ? memory : postgres };
    });
    // Only a server is written by other instances too; PGlite and memory have this process alone.
    providers.push({ provide: PlayEventFeed, useClass: store === 'postgres' && config.databaseUrl ? PostgresNotifyPlayEventFeed : LocalPlayEventFeed });
    providers.push(
      store === 'memory'
        ? { provide: CatalogRepository, useFactory: () => new InMemoryCatalogRepository(buildCatalog(config.catalogSize)) }
        : { provide: CatalogRepository, inject: [DatabaseClient], useFactory: (database: DatabaseClient) => PostgresCatalogRepository.load(database, config.catalogSize) },
    );
    // Episodes need their titles: the catalog is seeded (and loaded) first.
    providers.push(
      store === 'memory'
        ? { provide: EpisodeRepository, inject: [CatalogRepository], useFactory: async (catalog: CatalogRepository) => new InMemoryEpisodeRepository(await curatedEpisodesIn(catalog)) }
        : { provide: EpisodeRepository, inject: [DatabaseClient, CatalogRepository], useFactory: (database: DatabaseClient) => PostgresEpisodeRepository.load(database) },
    );
    return {
      module: StorageModule,
      imports: [RedisModule, ...(store === 'memory' ? [] : [DatabaseModule.forRoot(config)])],
      providers,
      exports: [...PORTS.map(({ port }) => port), CatalogRepository, EpisodeRepository, PlayEventFeed],
    };
  }
}
