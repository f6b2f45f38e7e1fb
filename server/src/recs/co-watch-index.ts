import { compareTitleIds } from './title-id-order';

export type Engagement = 'play' | 'complete';

export interface CoWatchOptions {
  /** How many of a viewer's most recent titles new plays are paired with. */
  windowSize: number;
  /** How many neighbours each title keeps. */
  maxNeighbours: number;
  /**
   * How many viewers' windows are held; the least recently active is let go beyond this, and
   * `restoreWindow` brings it back from the event log when that viewer plays again.
   */
  maxViewers: number;
}

export interface Neighbour {
  titleId: string;
  /** Cosine of the two titles' engagement vectors over viewers, 0..1. */
  score: number;
}

/** A finished title says more about taste than a started one. */
const ENGAGEMENT_LEVEL: Record<Engagement, number> = { play: 1, complete: 2 };

interface Link {
  /** Dot product of the two titles' engagements, as counted (an overestimate after inheriting). */
  weight: number;
  /** How much of `weight` was inherited from an evicted neighbour rather than seen. */
  inherited: number;
}

export const CO_WATCH_DEFAULTS: CoWatchOptions = { windowSize: 50, maxNeighbours: 50, maxViewers: 100_000 };

/**
 * Item-to-item co-occurrence: "viewers who watched this also watched". Each viewer's engagement with a
 * title is 1 (played) or 2 (completed); two titles are linked by the dot product of their engagement
 * vectors and scored by cosine, so a title everyone plays is not everyone's neighbour. Updated
 * incrementally on each event against the viewer's recent window only, and each title keeps a bounded
 * neighbour map: when it is full, the weakest neighbour gives way to the newcomer, which inherits its
 * weight (the Space-Saving scheme), so neighbours that keep recurring rise and stay. Scores use only
 * the weight actually seen, so a newcomer is never ranked on what it inherited.
 */
export class CoWatchIndex {
  /** viewerId → titleId → engagement level, least recent first. */
  private readonly windows = new Map<string, Map<string, number>>();
  /** titleId → neighbour titleId → link. */
  private readonly links = new Map<string, Map<string, Link>>();
  /** titleId → sum of squared engagements: the vector's squared norm. */
  private readonly squaredNorms = new Map<string, number>();

  constructor(private readonly options: CoWatchOptions = CO_WATCH_DEFAULTS) {}

  /** How many of a viewer's recent titles a window holds. */
  get windowSize(): number {
    return this.options.windowSize;
  }

  /** Whether the viewer's recent titles are held; when not, restore them before recording. */
  hasWindow(viewerId: string): boolean {
    return this.windows.has(viewerId);
  }

  /**
   * Puts back a viewer's window that was let go, from their recent titles (newest first) as the
   * event log has them. Their links were counted when those events happened, so none are added.
   */
  restoreWindow(viewerId: string, recent: readonly { titleId: string; kind: Engagement }[]): void {
    const window = new Map<string, number>();
    for (const entry of recent.slice(0, this.options.windowSize).reverse()) window.set(entry.titleId, ENGAGEMENT_LEVEL[entry.kind]);
    this.holdWindow(viewerId, window);
  }

  /** How many viewers' windows are held. */
  windowCount(): number {
    return this.windows.size;
  }

  record(viewerId: string, titleId: string, engagement: Engagement): void {
    let window = this.windows.get(viewerId);
    if (window) {
      // Most recently active last, so the first viewer in the map is the one to let go.
      this.windows.delete(viewerId);
      this.windows.set(viewerId, window);
    } else {
      this.holdWindow(viewerId, (window = new Map()));
    }
    const previous = window.get(titleId) ?? 0;
    const level = Math.max(previous, ENGAGEMENT_LEVEL[engagement]);
    window.delete(titleId);
    if (level > previous) {
      const gain = level - previous;
      for (const [otherId, otherLevel] of window) {
        this.link(titleId, otherId, gain * otherLevel);
        this.link(otherId, titleId, gain * otherLevel);
      }
      this.squaredNorms.set(titleId, (this.squaredNorms.get(titleId) ?? 0) + level * level - previous * previous);
    }
    window.set(titleId, level);
    if (window.size > this.options.windowSize) window.delete(window.keys().next().value as string);
  }

  /** The titles most watched together with this one, best first, ties by id. */
  neighboursOf(titleId: string, limit: number): Neighbour[] {
    const links = this.links.get(titleId);
    if (!links) return [];
    const norm = Math.sqrt(this.squaredNorms.get(titleId) ?? 0);
    const neighbours: Neighbour[] = [];
    for (const [otherId, link] of links) {
      const otherNorm = Math.sqrt(this.squaredNorms.get(otherId) ?? 0);
      const seen = link.weight - link.inherited;
      neighbours.push({ titleId: otherId, score: norm > 0 && otherNorm > 0 ? Math.min(1, seen / (norm * otherNorm)) : 0 });
    }
    return neighbours.sort((a, b) => b.score - a.score || compareTitleIds(a.titleId, b.titleId)).slice(0, limit);
  }

  private holdWindow(viewerId: string, window: Map<string, number>): void {
    this.windows.delete(viewerId);
    this.windows.set(viewerId, window);
    if (this.windows.size > this.options.maxViewers) this.windows.delete(this.windows.keys().next().value as string);
  }

  private link(fromId: string, toId: string, weight: number): void {
    let links = this.links.get(fromId);
    if (!links) this.links.set(fromId, (links = new Map()));
    const current = links.get(toId);
    if (current) {
      current.weight += weight;
      return;
    }
    if (links.size < this.options.maxNeighbours) {
      links.set(toId, { weight, inherited: 0 });
      return;
    }
    let weakestId = '';
    let weakest = Number.POSITIVE_INFINITY;
    for (const [neighbourId, link] of links) {
      if (link.weight < weakest || (link.weight === weakest && compareTitleIds(neighbourId, weakestId) > 0)) {
        weakestId = neighbourId;
        weakest = link.weight;
      }
    }
    links.delete(weakestId);
    links.set(toId, { weight: weakest + weight, inherited: weakest });
  }
}
