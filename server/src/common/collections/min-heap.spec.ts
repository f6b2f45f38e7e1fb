import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('gives items back smallest first, whatever order they went in', () => {
    const heap = new MinHeap<number>((a, b) => a - b);
    const values = [5, 3, 9, 1, 1, 8, 2, 7, 6, 4, 0];
    for (const value of values) heap.push(value);
    expect(heap.size).toBe(values.length);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop() as number);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });

  it('orders by the comparison given, ties included', () => {
    const heap = new MinHeap<{ distance: number; ordinal: number }>((a, b) => a.distance - b.distance || a.ordinal - b.ordinal);
    for (const [distance, ordinal] of [[2, 1], [1, 9], [2, 0], [1, 3]]) heap.push({ distance, ordinal });
    heap.push({ distance: 0, ordinal: 5 });
    expect([heap.pop(), heap.pop(), heap.pop()].map((item) => item?.ordinal)).toEqual([5, 3, 9]);
    heap.push({ distance: 1, ordinal: 4 });
    expect([heap.pop(), heap.pop(), heap.pop()].map((item) => item?.ordinal)).toEqual([4, 0, 1]);
  });
});
