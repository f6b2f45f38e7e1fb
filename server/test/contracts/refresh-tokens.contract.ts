import { RefreshSession } from '../../src/auth/refresh-session';
import { StoreUnderTest } from './store-under-test';

const HOUR = 3_600_000;
/** The grace period the contract is checked with; a rotation repeated within it returns the same successor. */
const GRACE_MS = 10_000;
const NOW = Date.UTC(2026, 0, 1);
let sequence = 0;

function unique(label: string): string {
  return `${label}-${process.pid}-${++sequence}`;
}

export function refreshTokensContract(store: () => StoreUnderTest): void {
  describe('RefreshTokenRepository', () => {
    async function login(userId?: string, expiresAt = NOW + HOUR): Promise<{ session: RefreshSession; token: string }> {
      const session: RefreshSession = { id: unique('session'), userId: userId ?? (await store().newUser()).id, createdAt: NOW, expiresAt };
      const token = unique('token');
      await store().refreshTokens.createSession(session, token);
      return { session, token };
    }

    it('starts a login with its first token and finds both', async () => {
      const { session, token } = await login();
      expect(await store().refreshTokens.findSession(session.id)).toEqual(session);
      expect(await store().refreshTokens.sessionOfToken(token)).toBe(session.id);
      expect(await store().refreshTokens.findSession('no-such-session')).toBeUndefined();
    });

    it('rotates a token once: the successor works, the used one ends the login when it comes back', async () => {
      const { session, token } = await login();
      const next = unique('token');
      expect(await store().refreshTokens.rotate(token, next, NOW + 1, GRACE_MS)).toEqual({ outcome: 'rotated', session });
      const third = unique('token');
      expect(await store().refreshTokens.rotate(next, third, NOW + 2, GRACE_MS)).toEqual({ outcome: 'rotated', session });
      // Within the grace period, but its successor has been used: only the newest exchange may be repeated.
      expect(await store().refreshTokens.rotate(token, next, NOW + 3, GRACE_MS)).toEqual({ outcome: 'reused', sessionId: session.id });
      expect(await store().refreshTokens.findSession(session.id)).toBeUndefined();
      expect(await store().refreshTokens.rotate(third, unique('token'), NOW + 4, GRACE_MS)).toEqual({ outcome: 'unknown' });
    });

    it('ends a login past its absolute expiry when its token is presented', async () => {
      const { session, token } = await login(undefined, NOW + 1000);
      expect(await store().refreshTokens.rotate(token, unique('token'), NOW + 1000, GRACE_MS)).toEqual({ outcome: 'expired', sessionId: session.id });
      expect(await store().refreshTokens.findSession(session.id)).toBeUndefined();
    });

    it('answers unknown for a token never issued', async () => {
      expect(await store().refreshTokens.rotate('never-issued', unique('token'), NOW, GRACE_MS)).toEqual({ outcome: 'unknown' });
    });

    it('lets exactly one of two concurrent exchanges of one token rotate it; the other repeats it', async () => {
      const { session, token } = await login();
      const next = unique('token');
      const outcomes = await Promise.all([store().refreshTokens.rotate(token, next, NOW + 1, GRACE_MS), store().refreshTokens.rotate(token, next, NOW + 1, GRACE_MS)]);
      expect(outcomes.map((result) => result.outcome).sort()).toEqual(['repeated', 'rotated']);
      expect(await store().refreshTokens.rotate(next, unique('token'), NOW + 2, GRACE_MS)).toEqual({ outcome: 'rotated', session });
    });

    it('without a grace period, ends the login on the second of two concurrent exchanges', async () => {
      const { session, token } = await login();
      const next = unique('token');
      const outcomes = await Promise.all([store().refreshTokens.rotate(token, next, NOW + 1, 0), store().refreshTokens.rotate(token, next, NOW + 1, 0)]);
      expect(outcomes).toEqual(expect.arrayContaining([{ outcome: 'rotated', session }, { outcome: 'reused', sessionId: session.id }]));
      expect(await store().refreshTokens.findSession(session.id)).toBeUndefined();
    });

    it('repeats an exchange within the grace period while the successor is unused, and ends the login after it', async () => {
      const { session, token } = await login();
      const next = unique('token');
      expect(await store().refreshTokens.rotate(token, next, NOW, GRACE_MS)).toEqual({ outcome: 'rotated', session });
      expect(await store().refreshTokens.rotate(token, next, NOW + GRACE_MS - 1, GRACE_MS)).toEqual({ outcome: 'repeated', session });
      expect(await store().refreshTokens.sessionOfToken(next)).toBe(session.id);
      expect(await store().refreshTokens.rotate(token, next, NOW + GRACE_MS, GRACE_MS)).toEqual({ outcome: 'reused', sessionId: session.id });
      expect(await store().refreshTokens.findSession(session.id)).toBeUndefined();
    });

    it('never repeats an exchange with a successor other than its own', async () => {
      const { session, token } = await login();
      await store().refreshTokens.rotate(token, unique('token'), NOW, GRACE_MS);
      expect(await store().refreshTokens.rotate(token, unique('token'), NOW + 1, GRACE_MS)).toEqual({ outcome: 'reused', sessionId: session.id });
    });

    it('answers a refresh racing the end of its login with rotated or unknown, never an error, and leaves no token behind', async () => {
      for (let round = 0; round < 5; round++) {
        const { session, token } = await login();
        const next = unique('token');
        const [outcome] = await Promise.all([store().refreshTokens.rotate(token, next, NOW + 1, GRACE_MS), store().refreshTokens.deleteSession(session.id)]);
        expect(['rotated', 'unknown']).toContain(outcome.outcome);
        expect(await store().refreshTokens.findSession(session.id)).toBeUndefined();
        expect(await store().refreshTokens.sessionOfToken(next)).toBeUndefined();
      }
    });

    it('ends every login of a user but the one kept, returning the ids it ended', async () => {
      const user = await store().newUser();
      const kept = await login(user.id);
      const other = await login(user.id);
      const third = await login(user.id);
      const stranger = await login();
      const ended = await store().refreshTokens.deleteUserSessions(user.id, kept.session.id);
      expect(ended.sort()).toEqual([other.session.id, third.session.id].sort());
      expect(await store().refreshTokens.findSession(kept.session.id)).toBeDefined();
      expect(await store().refreshTokens.findSession(other.session.id)).toBeUndefined();
      expect(await store().refreshTokens.sessionOfToken(other.token)).toBeUndefined();
      expect(await store().refreshTokens.findSession(stranger.session.id)).toBeDefined();
      expect(await store().refreshTokens.deleteUserSessions(user.id)).toEqual([kept.session.id]);
      expect(await store().refreshTokens.deleteUserSessions(user.id)).toEqual([]);
    });

    it('remembers the profile a login chose, and forgets that choice (the login goes on) when asked', async () => {
      const profile = await store().newProfile();
      const chosen = await login(profile.userId);
      const other = await login(profile.userId);
      expect(await store().refreshTokens.setSessionProfile(chosen.session.id, profile.id)).toBe(true);
      expect(await store().refreshTokens.findSession(chosen.session.id)).toEqual({ ...chosen.session, profileId: profile.id });
      const next = unique('token');
      expect(await store().refreshTokens.rotate(chosen.token, next, NOW + 1, GRACE_MS)).toEqual({ outcome: 'rotated', session: { ...chosen.session, profileId: profile.id } });
      expect(await store().refreshTokens.forgetProfileChoice(profile.id)).toEqual([chosen.session.id]);
      const released = await store().refreshTokens.findSession(chosen.session.id);
      expect(released).toBeDefined();
      expect(released?.profileId ?? null).toBeNull();
      expect(await store().refreshTokens.findSession(other.session.id)).toEqual(other.session);
      expect(await store().refreshTokens.forgetProfileChoice(profile.id)).toEqual([]);
      const after = unique('token');
      const rotated = await store().refreshTokens.rotate(next, after, NOW + 2, GRACE_MS);
      expect(rotated.outcome).toBe('rotated');
      expect(rotated.outcome === 'rotated' && (rotated.session.profileId ?? null)).toBeNull();
      expect(await store().refreshTokens.setSessionProfile(chosen.session.id, profile.id)).toBe(true);
    });

    it('ends a login on logout, idempotently', async () => {
      const { session, token } = await login();
      await store().refreshTokens.deleteSession(session.id);
      await store().refreshTokens.deleteSession(session.id);
      expect(await store().refreshTokens.sessionOfToken(token)).toBeUndefined();
    });

    it('sweeps logins whose absolute expiry has passed, and only those', async () => {
      const before = await store().refreshTokens.countSessions();
      const soon = await login(undefined, NOW + 10);
      const later = await login(undefined, NOW + HOUR * 1000);
      expect(await store().refreshTokens.countSessions()).toBe(before + 2);
      expect(await store().refreshTokens.deleteExpired(NOW + 10)).toBeGreaterThanOrEqual(1);
      expect(await store().refreshTokens.findSession(soon.session.id)).toBeUndefined();
      expect(await store().refreshTokens.findSession(later.session.id)).toBeDefined();
    });
  });
}
