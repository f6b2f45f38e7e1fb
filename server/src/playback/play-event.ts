export type PlayEventKind = 'play' | 'complete';

/** A viewer started or finished a title. */
export interface PlayEvent {
  /** Position in the log: events are applied in this order everywhere. */
  seq: number;
  profileId: string;
  titleId: string;
  kind: PlayEventKind;
  /** Unix ms. */
  occurredAt: number;
}

export type NewPlayEvent = Omit<PlayEvent, 'seq'>;
