import { deserialize, serialize } from 'node:v8';
// jsdom has neither IndexedDB nor the structuredClone it stores values with; Node's serializer is that clone.
globalThis.structuredClone ??= <T>(value: T): T => deserialize(serialize(value)) as T;
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { TestBed } from '@angular/core/testing';
import { RefreshHandoff } from './refresh-handoff';
import { SessionStore } from './session.store';

const PAIR = { jwt: 'jwt-2', refreshToken: 'refresh-2' };

describe('RefreshHandoff', () => {
  beforeEach(() => {
    // A new, empty IndexedDB per test, as a fresh browser profile would have.
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
    TestBed.configureTestingModule({});
  });

  afterEach(() => jest.restoreAllMocks());

  it('hands the pair that replaced a refresh token to whoever asks with that token', async () => {
    const handoff = TestBed.inject(RefreshHandoff);
    await handoff.record('refresh-1', PAIR);

    await expect(handoff.find('refresh-1')).resolves.toEqual(PAIR);
    await expect(handoff.find('refresh-2')).resolves.toBeNull();
  });

  it('no longer hands over a pair recorded more than a minute ago', async () => {
    const handoff = TestBed.inject(RefreshHandoff);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now);
    await handoff.record('refresh-1', PAIR);

    jest.spyOn(Date, 'now').mockReturnValue(now + 60_001);
    await expect(handoff.find('refresh-1')).resolves.toBeNull();
  });

  it('forgets every pair it holds', async () => {
    const handoff = TestBed.inject(RefreshHandoff);
    await handoff.record('refresh-1', PAIR);
    await handoff.record('refresh-3', { jwt: 'jwt-4', refreshToken: 'refresh-4' });

    await handoff.forgetAll();

    await expect(handoff.find('refresh-1')).resolves.toBeNull();
    await expect(handoff.find('refresh-3')).resolves.toBeNull();
  });

  it('is emptied when the session is cleared, so a signed-out browser keeps no token', async () => {
    const handoff = TestBed.inject(RefreshHandoff);
    const session = TestBed.inject(SessionStore);
    session.start({ user: { id: 'u1', email: 'a@example.com', name: 'A' }, jwt: 'jwt-1', refreshToken: 'refresh-1' });
    await handoff.record('refresh-1', PAIR);
    const forgotten = jest.spyOn(handoff, 'forgetAll');

    session.clear();
    await forgotten.mock.results[0]?.value;

    await expect(handoff.find('refresh-1')).resolves.toBeNull();
  });
});
