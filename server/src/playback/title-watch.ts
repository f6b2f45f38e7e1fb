/** How far a profile has got with one title: what recommendations learn from, apart from how it is stored. */
export interface TitleWatch {
  titleId: string;
  /** Share of the stream watched, 0..1. */
  share: number;
  completed: boolean;
  /** Unix ms of the latest heartbeat. */
  updatedAt: number;
}
