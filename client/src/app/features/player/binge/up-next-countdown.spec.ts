import type { StreamMarkerDto } from '@streaming/api';
import { UP_NEXT_COUNTDOWN_SECONDS, UP_NEXT_LEAD_SECONDS, UpNextCountdown, upNextWindowStart } from './up-next-countdown';

const credits: StreamMarkerDto = { type: 'credits', start: 100, end: 120 };
const intro: StreamMarkerDto = { type: 'intro', start: 5, end: 30 };

describe('upNextWindowStart', () => {
  it('is the start of the credits when there are credits', () => {
    expect(upNextWindowStart([intro, credits], 120)).toBe(100);
  });

  it('is 20 s before the end without credits, and never before the start', () => {
    expect(UP_NEXT_LEAD_SECONDS).toBe(20);
    expect(upNextWindowStart([intro], 120)).toBe(100);
    expect(upNextWindowStart([], 12)).toBe(0);
  });
});

describe('UpNextCountdown', () => {
  it('is hidden before the credits and offered from their first moment', () => {
    const countdown = new UpNextCountdown(100, 120, true);
    expect(countdown.at(99.9, false)).toEqual({ phase: 'hidden' });
    expect(countdown.at(100, false)).toEqual({ phase: 'offered', secondsLeft: UP_NEXT_COUNTDOWN_SECONDS });
  });

  it('counts down 10 s of playback from where it was offered, then is due', () => {
    const countdown = new UpNextCountdown(100, 120, true);
    expect(countdown.at(100.2, false)).toEqual({ phase: 'offered', secondsLeft: 10 });
    expect(countdown.at(101.3, false)).toEqual({ phase: 'offered', secondsLeft: 9 });
    expect(countdown.at(109.9, false)).toEqual({ phase: 'offered', secondsLeft: 1 });
    expect(countdown.at(110.2, false)).toEqual({ phase: 'due' });
  });

  it('holds while playback holds: the count follows the position, not the clock', () => {
    const countdown = new UpNextCountdown(100, 120, true);
    countdown.at(100, false);
    expect(countdown.at(103, false)).toEqual({ phase: 'offered', secondsLeft: 7 });
    expect(countdown.at(103, false)).toEqual({ phase: 'offered', secondsLeft: 7 });
  });

  it('counts from where the viewer landed when they seek into the end, and no further than the end', () => {
    const countdown = new UpNextCountdown(100, 120, true);
    expect(countdown.at(115, false)).toEqual({ phase: 'offered', secondsLeft: 5 });
    expect(countdown.at(119.5, false)).toEqual({ phase: 'offered', secondsLeft: 1 });
  });

  it('is due when the video ends, even with time left on the count', () => {
    const countdown = new UpNextCountdown(100, 120.4, true);
    countdown.at(112, false);
    expect(countdown.at(120, true)).toEqual({ phase: 'due' });
  });

  it('without autoplay, offers with no countdown and is never due', () => {
    const countdown = new UpNextCountdown(100, 120, false);
    expect(countdown.at(100, false)).toEqual({ phase: 'offered', secondsLeft: null });
    expect(countdown.at(120, true)).toEqual({ phase: 'offered', secondsLeft: null });
  });

  it('Cancel hides the offer to the end, and nothing becomes due', () => {
    const countdown = new UpNextCountdown(100, 120, true);
    countdown.at(101, false);
    countdown.cancel();
    expect(countdown.at(112, false)).toEqual({ phase: 'hidden' });
    expect(countdown.at(120, true)).toEqual({ phase: 'hidden' });
  });

  it('seeking back out of the end withdraws the offer and forgets a Cancel; coming back counts afresh', () => {
    const countdown = new UpNextCountdown(100, 120, true);
    countdown.at(105, false);
    countdown.cancel();
    expect(countdown.at(50, false)).toEqual({ phase: 'hidden' });
    expect(countdown.at(106, false)).toEqual({ phase: 'offered', secondsLeft: 10 });
  });

  it('ignores a position not known yet', () => {
    const countdown = new UpNextCountdown(100, 120, true);
    expect(countdown.at(Number.NaN, false)).toEqual({ phase: 'hidden' });
  });
});
