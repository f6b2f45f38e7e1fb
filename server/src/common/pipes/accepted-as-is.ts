/**
 * A DTO class that recognises its most frequent bodies as valid with a few plain checks, so the
 * pipe can skip class-transformer and class-validator for them (they cost more than the rest of a
 * heartbeat). `acceptsAsIs` may say yes only to a plain object its decorators accept unchanged;
 * anything else, valid or not, takes the full path, so every refusal is still the validator's own.
 */
export interface AcceptedAsIs {
  acceptsAsIs(body: Readonly<Record<string, unknown>>): boolean;
}

/** Whether `metatype` declares `acceptsAsIs` itself: a subclass may add rules its parent's check does not know. */
export function declaresAcceptedAsIs(metatype: unknown): metatype is AcceptedAsIs & (new () => object) {
  return typeof metatype === 'function' && Object.prototype.hasOwnProperty.call(metatype, 'acceptsAsIs');
}
