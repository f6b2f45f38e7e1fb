import { ViewingProgress } from './viewing-progress';

/** Viewing progress per viewer and title. */
export abstract class ProgressRepository {
  abstract save(progress: ViewingProgress): Promise<void>;
  abstract find(userId: string, titleId: string): Promise<ViewingProgress | undefined>;
  /** A viewer's progress, most recently updated first. */
  abstract listByUser(userId: string): Promise<ViewingProgress[]>;
  abstract delete(userId: string, titleId: string): Promise<void>;
}
