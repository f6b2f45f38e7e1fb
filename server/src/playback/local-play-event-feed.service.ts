import { Injectable } from '@nestjs/common';
import { PlayEventFeed } from './play-event-feed';

/** Memory and the embedded database have one writer, this process, which applies its own events: no news to follow. */
@Injectable()
export class LocalPlayEventFeed extends PlayEventFeed {
  async start(): Promise<void> {
    return undefined;
  }

  async stop(): Promise<void> {
    return undefined;
  }
}
