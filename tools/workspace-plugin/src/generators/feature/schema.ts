export interface FeatureGeneratorSchema {
  /** Kebab-case: `watch-parties`; also the route path. */
  name: string;
  /** Heading and browser title; `Watch parties` for `watch-parties` when left out. */
  title?: string;
  /** The generated client's GET operation the page loads, e.g. `listCatalog`. */
  operation: string;
  project?: string;
}
