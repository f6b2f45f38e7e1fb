// `@streaming/api`: the Angular client of the API, generated from openapi.json (see ../README.md).
export * from './generated/index';
export { RATING } from './generated/models/rating-array';
export { STREAM_PROTECTION } from './generated/models/stream-protection-array';
export { MATURITY_RATING } from './generated/models/maturity-rating-array';
