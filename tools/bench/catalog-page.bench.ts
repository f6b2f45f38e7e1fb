/**
 * Cost of one catalog page at 100 and at 100 000 titles, through the real CatalogService and its
 * in-memory repository (no HTTP, so the figure is the catalog's own work). Prints both and the ratio.
 */
import { performance } from 'node:perf_hooks';
import { CatalogCursor } from '../../server/src/catalog/catalog-cursor.service';
import { buildCatalog } from '../../server/src/catalog/catalog-seed';
import { CatalogService } from '../../server/src/catalog/catalog.service';
import { CatalogQueryDto } from '../../server/src/catalog/dto/catalog-query.dto';
import { InMemoryCatalogRepository } from '../../server/src/catalog/in-memory-catalog.repository';
import { loadConfig } from '../../server/src/config/load-config';

const ITERATIONS = 20_000;

interface Scenario {
  name: string;
  query: (service: CatalogService) => Promise<CatalogQueryDto>;
}

const scenarios: Scenario[] = [
  { name: 'first page', query: async () => ({ limit: 20 }) },
  {
    name: 'deep page (cursor after 80 titles)',
    query: async (service) => ({ limit: 20, cursor: (await service.page({ limit: 80 })).cursor ?? undefined }),
  },
  { name: 'genre page', query: async () => ({ limit: 20, genre: 'drama' }) },
  { name: 'search page', query: async () => ({ limit: 20, q: 'the' }) },
  { name: 'genre + search page', query: async () => ({ limit: 20, genre: 'comedy', q: 'the' }) },
  { name: 'genre by popularity', query: async () => ({ limit: 20, genre: 'drama', sort: 'popular' }) },
  {
    name: 'genre A–Z, deep page',
    query: async (service) => ({ limit: 20, genre: 'drama', sort: 'az', cursor: (await service.page({ limit: 80, genre: 'drama', sort: 'az' })).cursor ?? undefined }),
  },
  { name: 'newest of a decade', query: async () => ({ limit: 20, sort: 'newest', decade: 1990 }) },
  { name: 'genre + decade + maturity', query: async () => ({ limit: 20, genre: 'comedy', decade: 2000, maturity: 'PG-13' }) },
];

async function microsecondsPerPage(service: CatalogService, query: CatalogQueryDto): Promise<number> {
  for (let i = 0; i < 2_000; i++) await service.page(query);
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) await service.page(query);
  return ((performance.now() - started) * 1000) / ITERATIONS;
}

async function main(): Promise<void> {
  const sizes = [100, 100_000];
  const services = sizes.map((size) => {
    const config = loadConfig({ CATALOG_SIZE: String(size), JWT_SECRET: 'bench' });
    const built = performance.now();
    const service = new CatalogService(new InMemoryCatalogRepository(buildCatalog(size)), new CatalogCursor(config), config);
    process.stdout.write(`catalog of ${size} titles built and indexed in ${(performance.now() - built).toFixed(0)} ms\n`);
    return service;
  });
  process.stdout.write(`\n${'scenario'.padEnd(36)}${'100 titles'.padStart(14)}${'100 000 titles'.padStart(16)}${'ratio'.padStart(8)}\n`);
  for (const scenario of scenarios) {
    const costs: number[] = [];
    for (const service of services) costs.push(await microsecondsPerPage(service, await scenario.query(service)));
    const ratio = costs[1] / costs[0];
    process.stdout.write(`${scenario.name.padEnd(36)}${`${costs[0].toFixed(1)} µs`.padStart(14)}${`${costs[1].toFixed(1)} µs`.padStart(16)}${ratio.toFixed(2).padStart(8)}\n`);
  }
}

void main();
