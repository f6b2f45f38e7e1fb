import { Test } from '@nestjs/testing';
import { AttemptCounterRepository } from '../../src/auth/attempt-counter.repository';
import { RefreshTokenRepository } from '../../src/auth/refresh-token.repository';
import { MyListRepository } from '../../src/account/my-list.repository';
import { RatingsRepository } from '../../src/account/ratings.repository';
import { CatalogRepository } from '../../src/catalog/catalog.repository';
import { Transactions } from '../../src/common/transactions/transactions';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/load-config';
import { DatabaseClient } from '../../src/database/database-client';
import { PlayEventRepository } from '../../src/playback/play-event.repository';
import { Profile } from '../../src/profiles/profile';
import { ProfileRepository } from '../../src/profiles/profile.repository';
import { ProgressRepository } from '../../src/playback/progress.repository';
import { EpisodeRepository } from '../../src/series/episode.repository';
import { StorageModule } from '../../src/storage/storage.module';
import { User } from '../../src/users/user';
import { UserRepository } from '../../src/users/user.repository';
import { openStore, StoreName } from '../support/store-fixtures';

/** Every port of one store, wired the way the app wires them. */
export interface StoreUnderTest {
  name: StoreName;
  users: UserRepository;
  profiles: ProfileRepository;
  refreshTokens: RefreshTokenRepository;
  attempts: AttemptCounterRepository;
  myList: MyListRepository;
  ratings: RatingsRepository;
  progress: ProgressRepository;
  playEvents: PlayEventRepository;
  catalog: CatalogRepository;
  episodes: EpisodeRepository;
  transactions: Transactions;
  /** Any port as this store wires it: how contracts of ports without a field above (the domain generator's) reach theirs. */
  port<T>(token: abstract new (...args: never[]) => T): T;
  /** The database behind the PostgreSQL stores, for checks a port cannot make. */
  database?: DatabaseClient;
  /** A new user with a unique id and email, stored. */
  newUser(): Promise<User>;
  /** A new profile of an account of its own (user and profile stored): the owner of lists, ratings, progress and play events. */
  newProfile(overrides?: Partial<Profile>): Promise<Profile>;
  close(): Promise<void>;
}

let users = 0;
let profiles = 0;

export async function openStoreUnderTest(name: StoreName): Promise<StoreUnderTest> {
  const fixture = await openStore(name);
  const config = loadConfig({ NODE_ENV: 'test', ...fixture.env });
  let builder = Test.createTestingModule({ imports: [ConfigModule.forRoot(config), StorageModule.forRoot(config)] });
  if (fixture.database) builder = builder.overrideProvider(DatabaseClient).useValue(fixture.database);
  const module = await builder.compile();
  await module.init();
  const store: StoreUnderTest = {
    name,
    users: module.get(UserRepository),
    profiles: module.get(ProfileRepository),
    refreshTokens: module.get(RefreshTokenRepository),
    attempts: module.get(AttemptCounterRepository),
    myList: module.get(MyListRepository),
    ratings: module.get(RatingsRepository),
    progress: module.get(ProgressRepository),
    playEvents: module.get(PlayEventRepository),
    catalog: module.get(CatalogRepository),
    episodes: module.get(EpisodeRepository),
    transactions: module.get(Transactions),
    port: (token) => module.get(token),
    database: name === 'memory' ? undefined : module.get(DatabaseClient),
    async newUser() {
      users++;
      const user: User = {
        id: `user_contract_${process.pid}_${users}`,
        email: `contract${users}.${process.pid}@example.com`,
        name: `Contract ${users}`,
        passwordHash: '$2b$04$notarealhashnotarealhashnotarealhashnotarealhash',
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, users)),
      };
      if (!(await store.users.insert(user))) throw new Error(`could not store ${user.email}`);
      return user;
    },
    async newProfile(overrides = {}) {
      const userId = overrides.userId ?? (await store.newUser()).id;
      profiles++;
      const profile: Profile = {
        id: `prof_contract_${process.pid}_${profiles}`,
        userId,
        name: `Profile ${profiles}`,
        avatar: 'ember',
        kids: false,
        maturityCeiling: 'NC-17',
        pinHash: null,
        autoplayNext: true,
        createdAt: Date.UTC(2026, 0, 1, 0, 0, profiles),
        ...overrides,
      };
      if (!(await store.profiles.add(profile, 5))) throw new Error(`could not store profile ${profile.id}`);
      return profile;
    },
    async close() {
      await module.close();
      await fixture.close();
    },
  };
  return store;
}
