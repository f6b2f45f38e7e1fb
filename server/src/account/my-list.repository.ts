/** Titles a viewer saved for later, in the order they were added. */
export abstract class MyListRepository {
  /** Adds a title; a title already on the list keeps its place. */
  abstract add(userId: string, titleId: string, addedAt: number): Promise<void>;
  abstract remove(userId: string, titleId: string): Promise<void>;
  /** Title ids, newest first. */
  abstract list(userId: string): Promise<string[]>;
  abstract contains(userId: string, titleId: string): Promise<boolean>;
}
