import { Rating } from '../account/rating';
import { Title } from '../catalog/title';

export interface WatchedTitle {
  title: Title;
  /** Share of the stream watched, 0..1. */
  progress: number;
  completed: boolean;
  /** Unix ms of the latest heartbeat. */
  updatedAt: number;
}

export interface RatedTitle {
  title: Title;
  rating: Rating;
}

/** Everything a viewer has told us, with titles resolved; each list most recent first. */
export interface ViewerSignals {
  history: WatchedTitle[];
  ratings: RatedTitle[];
  myList: Title[];
}
