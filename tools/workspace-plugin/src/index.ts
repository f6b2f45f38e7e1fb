export { domainGenerator } from './generators/domain/generator';
export type { DomainGeneratorSchema } from './generators/domain/schema';
export { featureGenerator } from './generators/feature/generator';
export type { FeatureGeneratorSchema } from './generators/feature/schema';
