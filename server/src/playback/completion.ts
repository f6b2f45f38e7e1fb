/** A position at or past this share of the length counts as watched. */
export const COMPLETION_THRESHOLD = 0.95;

export function isCompleted(position: number, duration: number): boolean {
  return position >= COMPLETION_THRESHOLD * duration;
}
