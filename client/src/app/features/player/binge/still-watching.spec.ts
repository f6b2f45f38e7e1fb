import { AUTOPLAYS_BEFORE_ASKING, StillWatchingRule, VIEWER_INPUT_EVENTS } from './still-watching';

describe('StillWatchingRule', () => {
  it('asks after three episodes in a row started by autoplay, not before', () => {
    expect(AUTOPLAYS_BEFORE_ASKING).toBe(3);
    const rule = new StillWatchingRule();
    rule.episodeStarted(false);
    rule.episodeStarted(true);
    rule.episodeStarted(true);
    expect(rule.mustAsk).toBe(false);
    rule.episodeStarted(true);
    expect(rule.mustAsk).toBe(true);
  });

  it('any input from the viewer starts the count again', () => {
    const rule = new StillWatchingRule();
    rule.episodeStarted(true);
    rule.episodeStarted(true);
    rule.viewerInput();
    rule.episodeStarted(true);
    rule.episodeStarted(true);
    expect(rule.mustAsk).toBe(false);
    rule.episodeStarted(true);
    expect(rule.mustAsk).toBe(true);
    rule.viewerInput();
    expect(rule.mustAsk).toBe(false);
  });

  it('an episode the viewer started (Play now, Continue) starts the count again', () => {
    const rule = new StillWatchingRule();
    for (let episode = 0; episode < 3; episode++) rule.episodeStarted(true);
    rule.episodeStarted(false);
    expect(rule.mustAsk).toBe(false);
  });

  it('counts key presses and pointer or touch presses as input, not pointer moves', () => {
    expect([...VIEWER_INPUT_EVENTS]).toEqual(['keydown', 'pointerdown', 'touchstart']);
    expect(VIEWER_INPUT_EVENTS).not.toContain('pointermove' as never);
  });
});
