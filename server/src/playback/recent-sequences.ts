/** The sequence numbers of the most recent events applied, so one arriving twice (own and announced) is applied once. */
export class RecentSequences {
  private readonly seen = new Set<number>();
  private readonly order: number[] = [];
  private highestSeen = 0;

  constructor(private readonly capacity: number) {}

  /** Records `seq`; false if it was recorded already. */
  add(seq: number): boolean {
    if (this.seen.has(seq)) return false;
    this.seen.add(seq);
    this.order.push(seq);
    this.highestSeen = Math.max(this.highestSeen, seq);
    if (this.order.length > this.capacity) this.seen.delete(this.order.shift() as number);
    return true;
  }

  /** The highest sequence number recorded: where to catch up from. */
  get highest(): number {
    return this.highestSeen;
  }
}
