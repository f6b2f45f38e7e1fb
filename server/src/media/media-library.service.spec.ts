import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../config/load-config';
import { INGEST_CHECK_MS, MediaLibrary } from './media-library.service';

/** The committed sample programmes, found from this file, not the working directory. */
const PROGRAMMES = resolve(__dirname, '../../media/programmes');

describe('MediaLibrary', () => {
  let mediaDir: string;
  let library: MediaLibrary;

  beforeEach(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'media-library-'));
    symlinkSync(PROGRAMMES, join(mediaDir, 'programmes'));
    mkdirSync(join(mediaDir, 'titles'));
    library = new MediaLibrary(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret', MEDIA_DIR: mediaDir }));
    await library.onModuleInit();
  });

  afterEach(() => {
    library.onModuleDestroy();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('picks up a title ingested while it runs, without a file-system call on the request path', async () => {
    expect(library.forTitle('tt1005').directory).toContain(join('programmes', ''));
    const generation = library.generation;
    // As ingest does: the finished folder is prepared aside and renamed into titles/.
    const staged = join(mediaDir, '.staging-tt1005');
    cpSync(join(PROGRAMMES, 'prog-02'), staged, { recursive: true });
    renameSync(staged, join(mediaDir, 'titles', 'tt1005'));

    // Waits for the timed check; the bound is only there so a defect fails instead of hanging.
    const deadline = Date.now() + 20 * INGEST_CHECK_MS;
    while (library.forTitle('tt1005').directory !== join(mediaDir, 'titles', 'tt1005') && Date.now() < deadline) await sleep(INGEST_CHECK_MS / 4);
    expect(library.forTitle('tt1005').directory).toBe(join(mediaDir, 'titles', 'tt1005'));
    expect(library.generation).toBeGreaterThan(generation);
    expect(library.forTitle('tt1006').directory).toContain(join('programmes', ''));
  });

  it('keeps the sample programme for a folder that has no manifest yet', async () => {
    mkdirSync(join(mediaDir, 'titles', 'tt1007'));
    await sleep(3 * INGEST_CHECK_MS);
    expect(library.forTitle('tt1007').directory).toContain(join('programmes', ''));
  });
});
