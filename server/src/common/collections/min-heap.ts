/** A binary heap: the smallest item by `compare` comes out first. */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(items[index], items[parent]) >= 0) break;
      [items[index], items[parent]] = [items[parent], items[index]];
      index = parent;
    }
  }

  /** Removes and returns the smallest item; undefined when empty. */
  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const smallest = items[0];
    const last = items.pop() as T;
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let least = index;
        if (left < items.length && this.compare(items[left], items[least]) < 0) least = left;
        if (right < items.length && this.compare(items[right], items[least]) < 0) least = right;
        if (least === index) break;
        [items[index], items[least]] = [items[least], items[index]];
        index = least;
      }
    }
    return smallest;
  }
}
