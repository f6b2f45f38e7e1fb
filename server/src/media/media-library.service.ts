import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { hashString } from '../catalog/artwork/prng';
import { ConfigError } from '../config/config-error';
import { EPISODE_ID_PATTERN } from '../series/episode';
import { MediaManifest, TitleMedia } from './media-manifest';
import { checkMarkers } from './media-markers';

const FIRST_TITLE_NUMBER = 1000;
const logger = new Logger('MediaLibrary');
/** How often the titles folder is checked for a finished ingest: off the request path, so no request waits on the disk. */
export const INGEST_CHECK_MS = 1_000;

/** A manifest's text, its markers checked: bad ones are left out with a warning, never served. */
function parseManifest(text: string, file: string): MediaManifest {
  const manifest = JSON.parse(text) as MediaManifest;
  const { markers, refused } = checkMarkers(manifest.markers, manifest.durationSeconds);
  for (const reason of refused) logger.warn(`${file}: ${reason}; that marker is left out`);
  if (manifest.markers === undefined) return manifest;
  return { ...manifest, markers };
}

function readManifest(directory: string): MediaManifest {
  const file = join(directory, 'manifest.json');
  return parseManifest(readFileSync(file, 'utf8'), file);
}

async function readManifestAsync(directory: string): Promise<MediaManifest> {
  const file = join(directory, 'manifest.json');
  return parseManifest(await readFile(file, 'utf8'), file);
}

async function subfoldersAsync(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function subfolders(directory: string): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Which packaged stream each title, and each episode of a series, plays: its own (ingested into
 * titles/<id>) when there is one, else one of the sample programmes.
 */
@Injectable()
export class MediaLibrary implements OnModuleInit, OnModuleDestroy {
  private programmes: TitleMedia[] = [];
  private ingested = new Map<string, TitleMedia>();
  private ingestedStamp = -1;
  private ingestTimer?: NodeJS.Timeout;
  private checking = false;
  /** Counts the times the ingested streams changed: anything derived from them names the generation it was made from. */
  private generationCount = 0;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const root = join(this.config.mediaDir, 'programmes');
    this.programmes = subfolders(root).map((name) => {
      const directory = join(root, name);
      return { directory, manifest: readManifest(directory) };
    });
    if (this.programmes.length === 0) {
      throw new ConfigError(`No media in ${root}: set MEDIA_DIR, or run npm run media:samples`);
    }
    // Read before the first request, so the first plays see every finished ingest.
    await this.checkIngested();
    this.ingestTimer = setInterval(() => void this.checkIngested(), INGEST_CHECK_MS);
    this.ingestTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.ingestTimer);
  }

  forTitle(titleId: string): TitleMedia {
    const own = this.ingested.get(titleId);
    if (own) return own;
    const number = Number(titleId.slice(2)) - FIRST_TITLE_NUMBER;
    return this.programmes[(Number.isFinite(number) ? Math.abs(number) : 0) % this.programmes.length];
  }

  /**
   * An episode's stream: its own (ingested into titles/<episodeId>) when there is one, else a sample
   * programme chosen by a stable hash (FNV-1a) of its id, so a season's episodes spread over the programmes.
   */
  forEpisode(episodeId: string): TitleMedia {
    return this.ingested.get(episodeId) ?? this.programmes[hashString(episodeId) % this.programmes.length];
  }

  /** The stream a signed URL names: an episode's for an episode id, else a title's. */
  forStream(streamId: string): TitleMedia {
    return EPISODE_ID_PATTERN.test(streamId) ? this.forEpisode(streamId) : this.forTitle(streamId);
  }

  get generation(): number {
    return this.generationCount;
  }

  private get ingestedRoot(): string {
    return join(this.config.mediaDir, 'titles');
  }

  /** Ingest swaps a title's folder in with a rename, which changes the folder's mtime: re-read only then. */
  private async checkIngested(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const root = this.ingestedRoot;
      const stamp = await stampOf(async () => (await stat(root)).mtimeMs);
      if (stamp === this.ingestedStamp) return;
      const next = new Map<string, TitleMedia>();
      for (const name of await subfoldersAsync(root)) {
        const directory = join(root, name);
        try {
          next.set(name, { directory, manifest: await readManifestAsync(directory) });
        } catch {
          // A folder without a readable manifest is not a finished ingest; the title keeps its programme.
        }
      }
      this.ingested = next;
      this.ingestedStamp = stamp;
      this.generationCount++;
    } finally {
      this.checking = false;
    }
  }
}

/** A missing titles folder reads as stamp 0: nothing ingested yet. */
async function stampOf(read: () => Promise<number>): Promise<number> {
  try {
    return await read();
  } catch {
    return 0;
  }
}
