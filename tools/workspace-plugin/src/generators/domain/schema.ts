export interface DomainGeneratorSchema {
  /** Singular, kebab-case: `watch-party`. */
  name: string;
  /** Plural, kebab-case: `watch-parties`; derived from the name when left out. */
  plural?: string;
  project?: string;
}
