import { postgresServerUnavailable } from '../support/postgres-server';
import { STORE_NAMES } from '../support/store-fixtures';
import { attemptCountersContract } from './attempt-counters.contract';
import { catalogContract } from './catalog.contract';
import { episodesContract } from './episodes.contract';
import { listsContract } from './lists.contract';
import { playEventsContract } from './play-events.contract';
import { profilesContract } from './profiles.contract';
import { progressContract } from './progress.contract';
import { refreshTokensContract } from './refresh-tokens.contract';
import { openStoreUnderTest, StoreUnderTest } from './store-under-test';
import { transactionsContract } from './transactions.contract';
import { usersContract } from './users.contract';

/** One contract, every store: memory, embedded PostgreSQL (PGlite) and a PostgreSQL server. */
for (const name of STORE_NAMES) {
  const skipped = name === 'postgres' ? postgresServerUnavailable() : undefined;
  (skipped ? describe.skip : describe)(`repository contract on the ${name} store${skipped ? ` (not run: ${skipped})` : ''}`, () => {
    let store: StoreUnderTest;
    const current = () => store;

    beforeAll(async () => {
      store = await openStoreUnderTest(name);
    });

    afterAll(() => store?.close());

    usersContract(current);
    profilesContract(current);
    refreshTokensContract(current);
    attemptCountersContract(() => store.attempts);
    listsContract(current);
    progressContract(current, { relational: name !== 'memory' });
    playEventsContract(current);
    catalogContract(current, { seeded: name !== 'memory' });
    episodesContract(current, { seeded: name !== 'memory' });
    if (name !== 'memory') transactionsContract(current, { sideBySide: name === 'postgres' });
  });
}
