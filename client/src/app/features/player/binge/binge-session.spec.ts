import { BingeSession, Programme } from './binge-session';
import type { StreamMarkerDto } from '@streaming/api';

const intro: StreamMarkerDto = { type: 'intro', start: 2, end: 8 };
const credits: StreamMarkerDto = { type: 'credits', start: 30, end: 36 };

function episode(changes: Partial<Programme> = {}): Programme {
  return { markers: [intro, credits], duration: 36, hasNext: true, autoplay: true, startedAutomatically: false, ...changes };
}

/** Plays a programme from its credits to its end, a quarter second at a time, and returns the move made. */
function playCredits(session: BingeSession): string | null {
  let action: string | null = null;
  for (let position = credits.start; position <= credits.end && !action; position += 0.25) action = session.at(position, position >= credits.end);
  return action;
}

describe('BingeSession', () => {
  it('offers Skip intro while inside the intro only', () => {
    const session = new BingeSession();
    session.begin(episode());
    session.at(1, false);
    expect(session.skippable()).toBeNull();
    session.at(2.5, false);
    expect(session.skippable()).toBe(intro);
    session.at(8, false);
    expect(session.skippable()).toBeNull();
  });

  it('offers the next episode in the credits, counts down and says once to play it', () => {
    const session = new BingeSession();
    session.begin(episode());
    expect(session.at(29, false)).toBeNull();
    expect(session.upNext()).toEqual({ phase: 'hidden' });
    expect(session.at(30, false)).toBeNull();
    expect(session.upNext()).toEqual({ phase: 'offered', secondsLeft: 6 });
    expect(session.at(36, true)).toBe('play-next');
    expect(session.at(36, true)).toBeNull();
  });

  it('asks "Are you still watching?" instead of a fourth autoplay in a row with no input', () => {
    const session = new BingeSession();
    session.begin(episode());
    expect(playCredits(session)).toBe('play-next');
    for (let autoplayed = 1; autoplayed <= 3; autoplayed++) {
      session.begin(episode({ startedAutomatically: true }));
      expect(session.asking()).toBe(false);
      if (autoplayed < 3) expect(playCredits(session)).toBe('play-next');
    }
    expect(playCredits(session)).toBe('ask');
    expect(session.asking()).toBe(true);
    expect(session.upNext()).toEqual({ phase: 'hidden' });
  });

  it('a key or pointer press on the player keeps autoplay going', () => {
    const session = new BingeSession();
    session.begin(episode());
    for (let autoplayed = 1; autoplayed <= 3; autoplayed++) {
      playCredits(session);
      session.begin(episode({ startedAutomatically: true }));
    }
    session.viewerInput();
    expect(playCredits(session)).toBe('play-next');
  });

  it('Cancel keeps the next episode from starting', () => {
    const session = new BingeSession();
    session.begin(episode());
    session.at(31, false);
    session.cancel();
    expect(session.upNext()).toEqual({ phase: 'hidden' });
    expect(session.at(36, true)).toBeNull();
  });

  it('without a next episode, offers nothing and says when the programme is over', () => {
    const session = new BingeSession();
    session.begin(episode({ hasNext: false }));
    expect(session.at(31, false)).toBeNull();
    expect(session.upNext()).toEqual({ phase: 'hidden' });
    expect(session.finished()).toBe(false);
    expect(session.at(36, true)).toBeNull();
    expect(session.finished()).toBe(true);
  });

  it('a new programme starts with nothing of the last one on screen', () => {
    const session = new BingeSession();
    session.begin(episode({ hasNext: false }));
    session.at(36, true);
    session.begin(episode({ markers: [] }));
    expect(session.finished()).toBe(false);
    session.at(3, false);
    expect(session.skippable()).toBeNull();
  });
});
