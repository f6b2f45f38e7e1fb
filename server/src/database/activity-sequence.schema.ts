import { pgSequence } from 'drizzle-orm/pg-core';

/**
 * One sequence for "most recent first" across a viewer's lists: every write that moves an entry to
 * the front takes the next value, so order never rests on equal timestamps or on insertion order.
 */
export const activitySequence = pgSequence('activity_seq');
