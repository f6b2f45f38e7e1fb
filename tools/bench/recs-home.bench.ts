/**
 * CPU cost of composing one /recs/home page at 100 and at 100 000 titles, through the real AppModule
 * (services, in-memory stores and event wiring; no HTTP, so the figure is the recommender's own work).
 * A scripted audience fills trending and co-watching; the measured viewer has 200 history entries
 * (half the catalog at 100 titles), ratings and a My List. Prints median and p99 per composition.
 */
import { Test } from '@nestjs/testing';
import { performance } from 'node:perf_hooks';
import { MyListService } from '../../server/src/account/my-list.service';
import { Rating } from '../../server/src/account/rating';
import { RatingsService } from '../../server/src/account/ratings.service';
import { AppModule } from '../../server/src/app.module';
import { Rng } from '../../server/src/catalog/artwork/prng';
import { EVERYONE } from '../../server/src/catalog/audience';
import { CatalogService } from '../../server/src/catalog/catalog.service';
import { Clock } from '../../server/src/common/clock/clock';
import { loadConfig } from '../../server/src/config/load-config';
import { MediaLibrary } from '../../server/src/media/media-library.service';
import { PlaybackService } from '../../server/src/playback/playback.service';
import { RecsService } from '../../server/src/recs/recs.service';
import { EpisodeRepository } from '../../server/src/series/episode.repository';
import { FakeClock } from '../../server/test/support/fake-clock';

const WARM_UP = 300;
const ITERATIONS = 3_000;
const HISTORY_ENTRIES = 200;
const AUDIENCE = 2_000;
const PLAYS_PER_VIEWER = 20;
const GENRES = ['Action', 'Adventure', 'Animation', 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy', 'Horror', 'Romance', 'Sci-Fi', 'Thriller'];

interface Figures {
  size: number;
  history: number;
  setupMs: number;
  cpu: number[];
  wall: number[];
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function measure(size: number): Promise<Figures> {
  const started = performance.now();
  const config = loadConfig({ NODE_ENV: 'test', STORE: 'memory', CATALOG_SIZE: String(size), JWT_SECRET: 'bench' });
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger({ log: () => undefined, error: () => undefined, warn: () => undefined })
    .compile();
  await moduleRef.init();
  const playback = moduleRef.get(PlaybackService);
  const ratings = moduleRef.get(RatingsService);
  const myList = moduleRef.get(MyListService);
  const catalog = moduleRef.get(CatalogService);
  const media = moduleRef.get(MediaLibrary);
  const recs = moduleRef.get(RecsService);
  const episodes = moduleRef.get(EpisodeRepository);
  const random = new Rng(`recs-bench:${size}`);

  // Each simulated viewer is an account whose one profile sees the whole catalog.
  const viewerAs = (userId: string) => ({ userId, sessionId: `login_${userId}`, profileId: `prof_${userId}`, audience: EVERYONE });
  const watch = async (userId: string, titleId: string, share: number) => {
    // A series is watched from its first episode, as a viewer starting it would.
    const episodeId = (await episodes.forTitle(titleId))[0]?.id;
    await playback.start(viewerAs(userId), { titleId, episodeId });
    const duration = (episodeId ? media.forEpisode(episodeId) : media.forTitle(titleId)).manifest.durationSeconds;
    await playback.heartbeat(viewerAs(userId), { titleId, episodeId, position: duration * share });
  };
  const shelf = async (genre: string) => (await catalog.topByPopularity(genre, 2_000)).map((title) => title.id);

  // The audience: each viewer keeps to two genres, mostly their popular end, over the past week.
  for (let viewer = 0; viewer < AUDIENCE; viewer++) {
    const shelves = [await shelf(random.pick(GENRES)), await shelf(random.pick(GENRES))];
    for (let play = 0; play < PLAYS_PER_VIEWER; play++) {
      const titles = random.pick(shelves);
      const titleId = titles[Math.floor(titles.length * random.next() ** 3)];
      await watch(`user_audience${viewer}`, titleId, random.chance(0.6) ? 1 : random.range(0.05, 0.9));
    }
    clock.advance(300);
  }

  // The measured viewer: 200 titles over two months, three favourite genres, ratings and a list.
  const viewerId = 'user_measured';
  const measured = viewerAs(viewerId);
  const history = Math.min(HISTORY_ENTRIES, size / 2);
  const favourites = [await shelf('Sci-Fi'), await shelf('Thriller'), await shelf('Drama')];
  const watched = new Set<string>();
  while (watched.size < history) {
    const titleId = random.pick(random.chance(0.8) ? favourites : [await shelf(random.pick(GENRES))])[random.int(0, 150)];
    if (!titleId || watched.has(titleId)) continue;
    watched.add(titleId);
    await watch(viewerId, titleId, random.chance(0.6) ? 1 : random.range(0.05, 0.9));
    clock.advance(6 * 3600);
  }
  const rated = [...watched].slice(0, 40);
  for (const [index, titleId] of rated.entries()) {
    await ratings.rate(measured, titleId, index % 5 === 0 ? Rating.Down : index % 2 === 0 ? Rating.Love : Rating.Up);
  }
  for (let index = 0; index < 15; index++) await myList.add(measured, random.pick(favourites)[random.int(150, 400)] ?? random.pick(favourites)[0]);
  const setupMs = performance.now() - started;

  for (let i = 0; i < WARM_UP; i++) await recs.home(measured);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await recs.home(measured);
    const wallAfter = performance.now();
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    wall.push(wallAfter - wallBefore);
  }
  const page = await recs.home(measured);
  process.stdout.write(
    `${size} titles: ${watched.size} history entries, ${page.rows.length} rows (${page.rows.map((row) => `${row.id}:${row.items.length}`).join(' ')})\n`,
  );
  await moduleRef.close();
  return { size, history: watched.size, setupMs, cpu: cpu.sort((a, b) => a - b), wall: wall.sort((a, b) => a - b) };
}

async function main(): Promise<void> {
  const results: Figures[] = [];
  // RECS_BENCH_SIZES=100 for a quick run; the README's figures are both sizes.
  for (const size of (process.env['RECS_BENCH_SIZES'] ?? '100,100000').split(',').map(Number)) results.push(await measure(size));
  process.stdout.write(`\n${'catalog'.padEnd(16)}${'history'.padStart(9)}${'CPU median'.padStart(13)}${'CPU p99'.padStart(11)}${'wall median'.padStart(14)}${'setup'.padStart(10)}\n`);
  for (const result of results) {
    process.stdout.write(
      `${`${result.size} titles`.padEnd(16)}${String(result.history).padStart(9)}` +
        `${`${percentile(result.cpu, 0.5).toFixed(2)} ms`.padStart(13)}${`${percentile(result.cpu, 0.99).toFixed(2)} ms`.padStart(11)}` +
        `${`${percentile(result.wall, 0.5).toFixed(2)} ms`.padStart(14)}${`${(result.setupMs / 1000).toFixed(1)} s`.padStart(10)}\n`,
    );
  }
}

void main();
