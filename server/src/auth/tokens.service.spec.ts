import { UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { FakeClock } from '../../test/support/fake-clock';
import { ImmediateTransactions } from '../common/transactions/immediate-transactions.service';
import { RedisClients } from '../redis/redis-clients.service';
import { CacheInvalidations } from '../redis/cache-invalidations.service';
import { loadConfig } from '../config/load-config';
import { InMemoryRefreshTokenRepository } from './in-memory-refresh-token.repository';
import { TokensService } from './tokens.service';

describe('TokensService', () => {
  const config = loadConfig({ JWT_SECRET: 'unit-test-secret', REFRESH_TTL_SECONDS: '3600' });
  const jwt = new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: 900 } });
  let clock: FakeClock;
  let repository: InMemoryRefreshTokenRepository;
  let tokens: TokensService;

  beforeEach(() => {
    clock = new FakeClock();
    repository = new InMemoryRefreshTokenRepository();
    tokens = new TokensService(jwt, repository, new ImmediateTransactions(), new CacheInvalidations(new RedisClients(config), config), config, clock);
  });

  function claimsOf(accessToken: string) {
    return jwt.verify<{ sub: string; sid: string }>(accessToken);
  }

  it('issues refresh tokens of at least 128 random bits and stores only their hashes', async () => {
    const pair = await tokens.startSession('user_1');
    expect(Buffer.from(pair.refreshToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify([...(repository as unknown as { tokens: Map<string, unknown> }).tokens])).not.toContain(pair.refreshToken);
  });

  it('puts user and session in the access token, HS256', async () => {
    const pair = await tokens.startSession('user_1');
    const header = JSON.parse(Buffer.from(pair.jwt.split('.')[0], 'base64url').toString());
    expect(header.alg).toBe('HS256');
    const claims = claimsOf(pair.jwt);
    expect(claims.sub).toBe('user_1');
    expect(await tokens.isSessionActive(claims)).toBe(true);
  });

  it('rotates within the same session', async () => {
    const first = await tokens.startSession('user_1');
    const second = await tokens.rotate(first.refreshToken);
    expect(claimsOf(second.jwt).sid).toBe(claimsOf(first.jwt).sid);
    await tokens.rotate(second.refreshToken);
  });

  it('ends the session when a rotated token is presented again after the grace period', async () => {
    const first = await tokens.startSession('user_1');
    const second = await tokens.rotate(first.refreshToken);
    clock.advance(config.refreshGraceSeconds);
    await expect(tokens.rotate(first.refreshToken)).rejects.toThrow('Refresh token was already used; this login has been ended for safety');
    await expect(tokens.rotate(second.refreshToken)).rejects.toThrow(UnauthorizedException);
    expect(await tokens.isSessionActive(claimsOf(second.jwt))).toBe(false);
  });

  it('ends the session when a rotated token comes back after its successor was used, grace period or not', async () => {
    const first = await tokens.startSession('user_1');
    const second = await tokens.rotate(first.refreshToken);
    const third = await tokens.rotate(second.refreshToken);
    await expect(tokens.rotate(first.refreshToken)).rejects.toThrow(UnauthorizedException);
    expect(await tokens.isSessionActive(claimsOf(third.jwt))).toBe(false);
  });

  it('gives two racing refreshes of one token the same new refresh token, and the pair the winner got works', async () => {
    const pair = await tokens.startSession('user_1');
    const [winner, repeat] = await Promise.all([tokens.rotate(pair.refreshToken), tokens.rotate(pair.refreshToken)]);
    expect(repeat.refreshToken).toBe(winner.refreshToken);
    expect(winner.refreshToken).not.toBe(pair.refreshToken);
    for (const accessToken of [winner.jwt, repeat.jwt]) {
      expect(claimsOf(accessToken).sid).toBe(claimsOf(pair.jwt).sid);
      expect(await tokens.isSessionActive(claimsOf(accessToken))).toBe(true);
    }
    const next = await tokens.rotate(winner.refreshToken);
    expect(await tokens.isSessionActive(claimsOf(next.jwt))).toBe(true);
  });

  it('derives each successor from its token under the server key: unpredictable without it', async () => {
    const pair = await tokens.startSession('user_1');
    const next = await tokens.rotate(pair.refreshToken);
    const otherKey = loadConfig({ JWT_SECRET: 'another-secret', REFRESH_TTL_SECONDS: '3600' });
    const elsewhere = new InMemoryRefreshTokenRepository();
    const otherTokens = new TokensService(jwt, elsewhere, new ImmediateTransactions(), new CacheInvalidations(new RedisClients(otherKey), otherKey), otherKey, clock);
    await elsewhere.createSession({ id: 'session_x', userId: 'user_1', createdAt: clock.now(), expiresAt: clock.now() + 3_600_000 }, createHash('sha256').update(pair.refreshToken).digest('base64url'));
    expect((await otherTokens.rotate(pair.refreshToken)).refreshToken).not.toBe(next.refreshToken);
    expect(Buffer.from(next.refreshToken, 'base64url').length).toBe(32);
  });

  it('has an absolute expiry that rotation does not extend', async () => {
    let pair = await tokens.startSession('user_1');
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      pair = await tokens.rotate(pair.refreshToken);
    }
    clock.advance(600);
    await expect(tokens.rotate(pair.refreshToken)).rejects.toThrow(UnauthorizedException);
  });

  it('ends all sessions of a user but the one kept, and sweeps expired ones', async () => {
    const kept = await tokens.startSession('user_1');
    const other = await tokens.startSession('user_1');
    const stranger = await tokens.startSession('user_2');
    await tokens.endAllSessions('user_1', claimsOf(kept.jwt).sid);
    expect(await tokens.isSessionActive(claimsOf(kept.jwt))).toBe(true);
    expect(await tokens.isSessionActive(claimsOf(other.jwt))).toBe(false);
    expect(await tokens.isSessionActive(claimsOf(stranger.jwt))).toBe(true);
    clock.advance(3600);
    expect(await tokens.sweepExpired()).toBe(2);
    await expect(tokens.rotate(stranger.refreshToken)).rejects.toThrow(UnauthorizedException);
  });

  it('holds no session past its expiry once swept, however many rotations it saw', async () => {
    const first = await tokens.startSession('user_1');
    await tokens.startSession('user_2');
    await tokens.rotate(first.refreshToken);
    expect(await tokens.sessionCount()).toBe(2);
    clock.advance(3600);
    await tokens.sweepExpired();
    expect(await tokens.sessionCount()).toBe(0);
  });

  it('refuses a token of another user for a session', async () => {
    const pair = await tokens.startSession('user_1');
    expect(await tokens.isSessionActive({ sub: 'user_2', sid: claimsOf(pair.jwt).sid })).toBe(false);
  });
});
