import { Injectable } from '@nestjs/common';
import { NewPlayEvent, PlayEvent } from './play-event';
import { PlayEventRepository, ReplayFrom } from './play-event.repository';

@Injectable()
export class InMemoryPlayEventRepository extends PlayEventRepository {
  private readonly events: PlayEvent[] = [];
  private readonly byProfile = new Map<string, PlayEvent[]>();

  async append(event: NewPlayEvent): Promise<PlayEvent> {
    const stored: PlayEvent = { ...event, seq: this.events.length + 1 };
    this.events.push(stored);
    let own = this.byProfile.get(event.profileId);
    if (!own) this.byProfile.set(event.profileId, (own = []));
    own.push(stored);
    return { ...stored };
  }

  async replay({ occurredSince = Number.NEGATIVE_INFINITY, afterSeq = 0 }: ReplayFrom, visit: (events: PlayEvent[]) => void | Promise<void>, batchSize = 5_000): Promise<void> {
    const matching = this.events.filter((event) => event.occurredAt >= occurredSince && event.seq > afterSeq);
    for (let start = 0; start < matching.length; start += batchSize) {
      await visit(matching.slice(start, start + batchSize).map((event) => ({ ...event })));
    }
  }

  async recentEngagements(profileId: string, limit: number, beforeSeq: number): Promise<{ titleId: string; kind: PlayEvent['kind'] }[]> {
    const own = (this.byProfile.get(profileId) ?? []).filter((event) => event.seq < beforeSeq);
    const strongest = new Map<string, PlayEvent['kind']>();
    for (const event of own) if (strongest.get(event.titleId) !== 'complete') strongest.set(event.titleId, event.kind);
    const order: string[] = [];
    for (let index = own.length - 1; index >= 0 && order.length < limit; index--) {
      if (!order.includes(own[index].titleId)) order.push(own[index].titleId);
    }
    return order.map((titleId) => ({ titleId, kind: strongest.get(titleId) as PlayEvent['kind'] }));
  }
}
