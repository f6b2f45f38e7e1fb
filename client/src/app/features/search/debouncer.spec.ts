import { Debouncer } from './debouncer';

describe('Debouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs only the last call of a burst, after the quiet period', () => {
    const debouncer = new Debouncer(250);
    const calls: string[] = [];
    for (const text of ['c', 'ca', 'caf']) {
      debouncer.run(() => calls.push(text));
      jest.advanceTimersByTime(100);
    }
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(250);
    expect(calls).toEqual(['caf']);
  });

  it('can be cancelled', () => {
    const debouncer = new Debouncer(250);
    const action = jest.fn();
    debouncer.run(action);
    debouncer.cancel();
    jest.advanceTimersByTime(1000);
    expect(action).not.toHaveBeenCalled();
  });
});
