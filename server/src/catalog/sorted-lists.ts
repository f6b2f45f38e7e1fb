/** First index in an ascending list whose value is greater than `value`. */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function contains(sorted: ArrayLike<number>, value: number): boolean {
  const index = upperBound(sorted, value) - 1;
  return index >= 0 && sorted[index] === value;
}

/** First index in an ascending list of strings whose value is at least `value`. */
export function lowerBoundText(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The values after `after` that are in every list, ascending, at most `limit` of them and only those
 * `keep` accepts: walks the shortest list and checks the others by binary search, so the cost follows
 * what is returned (and skipped), not the length of the lists.
 */
export function intersectAfter(lists: ArrayLike<number>[], after: number, limit: number, keep: (value: number) => boolean = () => true): number[] {
  const found: number[] = [];
  if (lists.length === 0) return found;
  const [driver, ...others] = [...lists].sort((a, b) => a.length - b.length);
  for (let at = upperBound(driver, after); at < driver.length && found.length < limit; at++) {
    const value = driver[at];
    if (others.every((list) => contains(list, value)) && keep(value)) found.push(value);
  }
  return found;
}
