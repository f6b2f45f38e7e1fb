// Every table, for drizzle-kit (which writes the migrations from this file) and nothing else: each
// domain's repositories import their own tables.
export * from './activity-sequence.schema';
export * from '../users/users.schema';
export * from '../profiles/profiles.schema';
export * from '../auth/login-sessions.schema';
export * from '../auth/attempt-counters.schema';
export * from '../catalog/titles.schema';
export * from '../series/episodes.schema';
export * from '../account/my-list.schema';
export * from '../account/ratings.schema';
export * from '../playback/viewing-progress.schema';
export * from '../playback/episode-progress.schema';
export * from '../playback/play-events.schema';
