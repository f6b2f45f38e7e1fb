/** One stretch of a list kept in sequence order (newest first), as a repository reads it. */
export interface SequencedPage<T> {
  /** At most the limit asked for, newest first, each with its place in the sequence. */
  entries: (T & { seq: number })[];
  /** Whether older entries follow the last one. */
  more: boolean;
}

export interface FilledPage<R> {
  items: R[];
  /** Sequence number of the last item returned, when more may follow; else null. */
  after: number | null;
}

/**
 * Fills a page of `limit` items from a sequenced list whose entries may turn out not to be shown (a
 * title this profile may not see): reads on past them, one batch at a time, so a page is short only at
 * the end of the list, and every shown entry is returned exactly once across pages.
 */
export async function fillPage<T, R>(
  limit: number,
  after: number | null,
  read: (after: number | null, limit: number) => Promise<SequencedPage<T>>,
  show: (entries: T[]) => Promise<(R | undefined)[]>,
): Promise<FilledPage<R>> {
  const items: R[] = [];
  let position = after;
  for (;;) {
    const batch = await read(position, limit - items.length);
    const shown = await show(batch.entries);
    for (let i = 0; i < batch.entries.length; i++) {
      const item = shown[i];
      if (item !== undefined) items.push(item);
      position = batch.entries[i].seq;
      if (items.length === limit) {
        const more = i < batch.entries.length - 1 || batch.more;
        return { items, after: more ? position : null };
      }
    }
    if (!batch.more) return { items, after: null };
  }
}
