import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { MediaManifest, TitleMedia } from './media-manifest';

const FIRST_TITLE_NUMBER = 1000;
/** How often the titles folder is checked for a finished ingest: off the request path, so no request waits on the disk. */
export const INGEST_CHECK_MS = 1_000;

function readManifest(directory: string): MediaManifest {
  return JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as MediaManifest;
}

async function readManifestAsync(directory: string): Promise<MediaManifest> {
  return JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as MediaManifest;
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
 * Which packaged stream each title plays: its own (ingested into titles/<id>) when there is one, else
 * one of the sample programmes, chosen by the title's number.
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
