import { closePooledDatabases } from './store-fixtures';

// The embedded databases a test file borrowed are closed once it is done with them.
afterAll(() => closePooledDatabases());
