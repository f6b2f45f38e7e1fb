import { Rating } from '../account/rating';
import { Title } from '../catalog/title';
import { ViewerSignals, WatchedTitle } from './viewer-signals';

/** How much each signal says about a viewer's taste. */
export const SIGNAL_WEIGHTS = {
  /** A finished title. */
  completed: 1,
  /** A started title: a sample says little, most of a film nearly as much as finishing it. */
  startedBase: 0.2,
  startedPerProgress: 0.6,
  /** Viewing fades with age: its weight halves every this many days, down to the floor. */
  halfLifeDays: 30,
  recencyFloor: 0.25,
  /** Ratings are deliberate, so they do not fade. */
  love: 2,
  up: 1,
  myList: 0.4,
  /** How much a thumbs-down counts against each of its genres. */
  dislikedGenre: 0.5,
};

const DAY_MS = 86_400_000;

export interface Seed {
  title: Title;
  /** How strongly this title speaks for the viewer's taste; always > 0. */
  weight: number;
}

export interface TasteProfile {
  /** Titles the viewer likes, strongest first (ties in catalog order). */
  seeds: Seed[];
  /** Thumbs-down titles, most recent first. */
  disliked: Title[];
  /** Genre → affinity in -1..1; the best-liked genre is 1. */
  genreAffinity: ReadonlyMap<string, number>;
  /** Titles for the "Because you watched" rows: the most recent, then the most loved, watched title. */
  becauseSources: Title[];
  dislikedIds: ReadonlySet<string>;
  /** Never recommended: finished, in progress (Continue Watching has them) or rated, thumbs-down included. */
  excludedIds: ReadonlySet<string>;
}

function viewingWeight(entry: WatchedTitle, now: number): number {
  const engagement = entry.completed ? SIGNAL_WEIGHTS.completed : SIGNAL_WEIGHTS.startedBase + SIGNAL_WEIGHTS.startedPerProgress * entry.progress;
  const ageDays = Math.max(0, now - entry.updatedAt) / DAY_MS;
  return engagement * Math.max(SIGNAL_WEIGHTS.recencyFloor, 0.5 ** (ageDays / SIGNAL_WEIGHTS.halfLifeDays));
}

function ratingWeight(rating: Rating): number {
  if (rating === Rating.Love) return SIGNAL_WEIGHTS.love;
  if (rating === Rating.Up) return SIGNAL_WEIGHTS.up;
  return 0;
}

function genreAffinities(seeds: Seed[], disliked: Title[]): Map<string, number> {
  const raw = new Map<string, number>();
  const add = (title: Title, amount: number) => {
    // A title of three genres speaks less for each of them than a title of one.
    const share = amount / Math.sqrt(title.genres.length);
    for (const genre of title.genres) raw.set(genre, (raw.get(genre) ?? 0) + share);
  };
  for (const seed of seeds) add(seed.title, seed.weight);
  for (const title of disliked) add(title, -SIGNAL_WEIGHTS.dislikedGenre);
  let scale = 0;
  for (const value of raw.values()) scale = Math.max(scale, value);
  if (scale === 0) for (const value of raw.values()) scale = Math.max(scale, -value);
  const affinity = new Map<string, number>();
  for (const [genre, value] of raw) affinity.set(genre, Math.max(-1, Math.min(1, value / scale)));
  return affinity;
}

/** What a viewer's signals say about their taste. Pure: the same signals and time give the same profile. */
export function buildTasteProfile(signals: ViewerSignals, now: number): TasteProfile {
  const dislikedIds = new Set<string>();
  const disliked: Title[] = [];
  const ratingByTitle = new Map<string, Rating>();
  for (const { title, rating } of signals.ratings) {
    ratingByTitle.set(title.id, rating);
    if (rating === Rating.Down) {
      dislikedIds.add(title.id);
      disliked.push(title);
    }
  }

  const weights = new Map<string, Seed>();
  const credit = (title: Title, amount: number) => {
    if (dislikedIds.has(title.id)) return;
    const seed = weights.get(title.id);
    if (seed) seed.weight += amount;
    else weights.set(title.id, { title, weight: amount });
  };
  for (const entry of signals.history) credit(entry.title, viewingWeight(entry, now));
  for (const { title, rating } of signals.ratings) credit(title, ratingWeight(rating));
  for (const title of signals.myList) credit(title, SIGNAL_WEIGHTS.myList);
  const seeds = [...weights.values()].filter((seed) => seed.weight > 0).sort((a, b) => b.weight - a.weight || a.title.ordinal - b.title.ordinal);

  // A rated title has been seen, wherever that was.
  const excludedIds = new Set(ratingByTitle.keys());
  for (const entry of signals.history) excludedIds.add(entry.title.id);

  return {
    seeds,
    disliked,
    genreAffinity: genreAffinities(seeds, disliked),
    becauseSources: becauseSources(signals, ratingByTitle, weights),
    dislikedIds,
    excludedIds,
  };
}

/** The most recently watched title, then the best-loved other watched title (by rating, then weight). */
function becauseSources(signals: ViewerSignals, ratingByTitle: Map<string, Rating>, weights: Map<string, Seed>): Title[] {
  const watched = signals.history.map((entry) => entry.title).filter((title) => ratingByTitle.get(title.id) !== Rating.Down);
  if (watched.length === 0) return [];
  const [recent, ...others] = watched;
  const affection = (title: Title) => {
    const rating = ratingByTitle.get(title.id);
    return rating ? ratingWeight(rating) : 0;
  };
  let loved: Title | undefined;
  for (const title of others) {
    if (
      !loved ||
      affection(title) > affection(loved) ||
      (affection(title) === affection(loved) && (weights.get(title.id)?.weight ?? 0) > (weights.get(loved.id)?.weight ?? 0))
    ) {
      loved = title;
    }
  }
  return loved ? [recent, loved] : [recent];
}

/** True for a viewer who has watched, rated and saved nothing: there is no taste to go on. */
export function knowsNothing(profile: Pick<TasteProfile, 'seeds' | 'disliked'>): boolean {
  return profile.seeds.length === 0 && profile.disliked.length === 0;
}

/** How well a title's genres match the viewer's, -1..1. */
export function genreMatch(profile: Pick<TasteProfile, 'genreAffinity'>, title: Pick<Title, 'genres'>): number {
  let sum = 0;
  for (const genre of title.genres) sum += profile.genreAffinity.get(genre) ?? 0;
  return Math.max(-1, Math.min(1, sum / Math.sqrt(title.genres.length || 1)));
}
