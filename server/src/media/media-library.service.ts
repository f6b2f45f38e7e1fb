import { Injectable, OnModuleInit } from '@nestjs/common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ConfigError } from '../config/config-error';
import { MediaManifest, TitleMedia } from './media-manifest';

const FIRST_TITLE_NUMBER = 1000;

function readManifest(directory: string): MediaManifest {
  return JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as MediaManifest;
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
export class MediaLibrary implements OnModuleInit {
  private programmes: TitleMedia[] = [];
  private ingested = new Map<string, TitleMedia>();
  private ingestedStamp = -1;

  constructor(private readonly config: AppConfig) {}

  onModuleInit(): void {
    const root = join(this.config.mediaDir, 'programmes');
    this.programmes = subfolders(root).map((name) => {
      const directory = join(root, name);
      return { directory, manifest: readManifest(directory) };
    });
    if (this.programmes.length === 0) {
      throw new ConfigError(`No media in ${root}: set MEDIA_DIR, or run npm run media:samples`);
    }
  }

  forTitle(titleId: string): TitleMedia {
    this.refreshIngested();
    const own = this.ingested.get(titleId);
    if (own) return own;
    const number = Number(titleId.slice(2)) - FIRST_TITLE_NUMBER;
    return this.programmes[(Number.isFinite(number) ? Math.abs(number) : 0) % this.programmes.length];
  }

  /** Ingest swaps a title's folder in with a rename, which changes the folder's mtime: re-read only then. */
  private refreshIngested(): void {
    const root = join(this.config.mediaDir, 'titles');
    let stamp: number;
    try {
      stamp = statSync(root).mtimeMs;
    } catch {
      stamp = 0;
    }
    if (stamp === this.ingestedStamp) return;
    this.ingestedStamp = stamp;
    const next = new Map<string, TitleMedia>();
    for (const name of subfolders(root)) {
      const directory = join(root, name);
      try {
        next.set(name, { directory, manifest: readManifest(directory) });
      } catch {
        // A folder without a readable manifest is not a finished ingest; the title keeps its programme.
      }
    }
    this.ingested = next;
  }
}
