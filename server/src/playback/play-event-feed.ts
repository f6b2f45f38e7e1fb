import { PlayEvent } from './play-event';

/**
 * News of play events appended to the log by any instance, this one included. `missed` is called
 * when news may have been lost (a connection dropped and came back), so the follower can catch up
 * from the log itself.
 */
export abstract class PlayEventFeed {
  abstract start(arrived: (event: PlayEvent) => void, missed: () => void): Promise<void>;
  abstract stop(): Promise<void>;
}
