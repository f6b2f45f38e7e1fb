import { TOP_MATURITY_LEVEL } from './maturity';

/** Who a catalog answer is for: the most mature level they may see. */
export interface Audience {
  maxLevel: number;
  /** The profile's ceiling as a rating, for telling a viewer why a title is held back. */
  ceiling?: string;
}

/** No ceiling: every title. */
export const EVERYONE: Audience = { maxLevel: TOP_MATURITY_LEVEL };
