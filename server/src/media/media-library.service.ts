import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { hashString } from '../catalog/artwork/prng';
import { ConfigError } from '../config/config-error';
import { EPISODE_ID_PATTERN } from '../series/episode';
import { MediaManifest, TitleMedia } from './media-manifest';
import { checkMarkers } from './media-markers';

const FIRST_TITLE_NUMBER = 1000;
const logger = new Logger('MediaLibrary');

/** A folder's manifest, its markers checked: bad ones are left out with a warning, never served. */
function readManifest(directory: string): MediaManifest {
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as MediaManifest;
  const { markers, refused } = checkMarkers(manifest.markers, manifest.durationSeconds);
  for (const reason of refused) logger.warn(`${join(directory, 'manifest.json')}: ${reason}; that marker is left out`);
  if (manifest.markers === undefined) return manifest;
  return { ...manifest, markers };
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

  /**
   * An episode's stream: its own (ingested into titles/<episodeId>) when there is one, else a sample
   * programme chosen by a stable hash (FNV-1a) of its id, so a season's episodes spread over the programmes.
   */
  forEpisode(episodeId: string): TitleMedia {
    this.refreshIngested();
    return this.ingested.get(episodeId) ?? this.programmes[hashString(episodeId) % this.programmes.length];
  }

  /** The stream a signed URL names: an episode's for an episode id, else a title's. */
  forStream(streamId: string): TitleMedia {
    return EPISODE_ID_PATTERN.test(streamId) ? this.forEpisode(streamId) : this.forTitle(streamId);
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
