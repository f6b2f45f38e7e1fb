import { Injectable, Logger } from '@nestjs/common';
import { DatabaseClient } from '../database/database-client';
import { PostgresDatabaseClient } from '../database/postgres-database-client';
import { PlayEvent } from './play-event';
import { PlayEventFeed } from './play-event-feed';
import { PLAY_EVENTS_CHANNEL } from './postgres-play-event.repository';

function parse(payload: string): PlayEvent | undefined {
  try {
    const event = JSON.parse(payload) as PlayEvent;
    const valid = Number.isInteger(event.seq) && typeof event.profileId === 'string' && typeof event.titleId === 'string' && (event.kind === 'play' || event.kind === 'complete');
    return valid ? { ...event, occurredAt: Number(event.occurredAt) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Follows the play-event log of a PostgreSQL server through LISTEN/NOTIFY: the database announces
 * each event as the insert commits, to every instance, in one connection each.
 */
@Injectable()
export class PostgresNotifyPlayEventFeed extends PlayEventFeed {
  private readonly logger = new Logger('PlayEvents');
  private stopListening?: () => Promise<void>;

  constructor(private readonly database: DatabaseClient) {
    super();
  }

  async start(arrived: (event: PlayEvent) => void, missed: () => void): Promise<void> {
    if (!(this.database instanceof PostgresDatabaseClient)) throw new Error('LISTEN/NOTIFY needs a PostgreSQL server');
    this.stopListening = await this.database.listen(
      PLAY_EVENTS_CHANNEL,
      (payload) => {
        const event = parse(payload);
        if (event) arrived(event);
        else this.logger.warn('Ignored a play_events notification that was not a play event');
      },
      missed,
    );
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
  }
}
