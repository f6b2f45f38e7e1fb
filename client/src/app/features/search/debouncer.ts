/** Runs only the last of a burst of calls, once things have been quiet for `delayMs`. */
export class Debouncer {
  private handle: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly delayMs: number) {}

  run(action: () => void): void {
    this.cancel();
    this.handle = setTimeout(() => {
      this.handle = null;
      action();
    }, this.delayMs);
  }

  cancel(): void {
    if (this.handle !== null) clearTimeout(this.handle);
    this.handle = null;
  }
}
