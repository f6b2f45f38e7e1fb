import { loadConfig } from '../config/load-config';
import { FakeClock } from '../../test/support/fake-clock';
import { TooManyRequestsException } from '../common/exceptions/too-many-requests.exception';
import { InMemoryAttemptCounterRepository } from './in-memory-attempt-counter.repository';
import { LoginThrottle } from './login-throttle.service';

describe('LoginThrottle', () => {
  const config = loadConfig({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '3', LOGIN_MAX_FAILURES_PER_ACCOUNT: '2', LOGIN_ADDRESS_WINDOW_SECONDS: '60', LOGIN_ACCOUNT_WINDOW_SECONDS: '600' });
  let clock: FakeClock;
  let throttle: LoginThrottle;

  beforeEach(() => {
    clock = new FakeClock();
    throttle = new LoginThrottle(new InMemoryAttemptCounterRepository(), config, clock);
  });

  it('admits attempts up to the address limit, then refuses with the seconds left', async () => {
    for (let i = 0; i < 3; i++) await throttle.admit('10.0.0.1', `a${i}@example.com`);
    clock.advance(20);
    const refusal = await throttle.admit('10.0.0.1', 'b@example.com').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(TooManyRequestsException);
    expect((refusal as TooManyRequestsException).retryAfterSeconds).toBe(40);
    await throttle.admit('10.0.0.2', 'b@example.com');
  });

  it('pauses an account after its failures until the window ends; success clears them', async () => {
    await throttle.recordFailure('a@example.com');
    await throttle.recordSuccess('a@example.com');
    await throttle.recordFailure('a@example.com');
    await throttle.admit('10.0.0.1', 'a@example.com');
    await throttle.recordFailure('a@example.com');
    await expect(throttle.admit('10.0.0.9', 'a@example.com')).rejects.toThrow(TooManyRequestsException);
    clock.advance(600);
    await expect(throttle.admit('10.0.0.9', 'a@example.com')).resolves.toBeUndefined();
  });

  it('sweeps windows that have ended, so what is kept follows recent activity only', async () => {
    for (let i = 0; i < 50; i++) {
      await throttle.admit(`10.0.1.${i}`, `x${i}@example.com`);
      await throttle.recordFailure(`x${i}@example.com`);
    }
    expect(await throttle.size()).toBe(100);
    clock.advance(61);
    expect(await throttle.sweep()).toBe(50);
    expect(await throttle.size()).toBe(50);
    clock.advance(600);
    await throttle.sweep();
    expect(await throttle.size()).toBe(0);
  });
});
