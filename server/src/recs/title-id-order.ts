/**
 * Orders title ids as the catalog numbers them (tt999 before tt1000): the tie-break wherever scores
 * are equal and only ids are at hand, so equal state always gives the same order.
 */
export function compareTitleIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
