import { loadConfig } from '../config/load-config';
import { FakeClock } from '../../test/support/fake-clock';
import { LoginThrottle } from './login-throttle';
import { TooManyRequestsException } from '../common/exceptions/too-many-requests.exception';

describe('LoginThrottle', () => {
  const config = loadConfig({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '3', LOGIN_MAX_FAILURES_PER_ACCOUNT: '2', LOGIN_ADDRESS_WINDOW_SECONDS: '60', LOGIN_ACCOUNT_WINDOW_SECONDS: '600' });
  let clock: FakeClock;
  let throttle: LoginThrottle;

  beforeEach(() => {
    clock = new FakeClock();
    throttle = new LoginThrottle(config, clock);
  });

  it('admits attempts up to the address limit, then refuses with the seconds left', () => {
    for (let i = 0; i < 3; i++) throttle.admit('10.0.0.1', `a${i}@example.com`);
    clock.advance(20);
    try {
      throttle.admit('10.0.0.1', 'b@example.com');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(TooManyRequestsException);
      expect((error as TooManyRequestsException).retryAfterSeconds).toBe(40);
    }
    throttle.admit('10.0.0.2', 'b@example.com');
  });

  it('pauses an account after its failures until the window ends; success clears them', () => {
    throttle.recordFailure('a@example.com');
    throttle.recordSuccess('a@example.com');
    throttle.recordFailure('a@example.com');
    throttle.admit('10.0.0.1', 'a@example.com');
    throttle.recordFailure('a@example.com');
    expect(() => throttle.admit('10.0.0.9', 'a@example.com')).toThrow(TooManyRequestsException);
    clock.advance(600);
    expect(() => throttle.admit('10.0.0.9', 'a@example.com')).not.toThrow();
  });

  it('sweeps windows that have ended, so memory follows recent activity only', () => {
    for (let i = 0; i < 50; i++) {
      throttle.admit(`10.0.1.${i}`, `x${i}@example.com`);
      throttle.recordFailure(`x${i}@example.com`);
    }
    expect(throttle.size()).toBe(100);
    clock.advance(61);
    throttle.sweep();
    expect(throttle.size()).toBe(50);
    clock.advance(600);
    throttle.sweep();
    expect(throttle.size()).toBe(0);
  });
});
