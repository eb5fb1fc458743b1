/**
 * Cal.com checks availability, spends a second or more on the rest of the booking, then inserts;
 * concurrent requests all pass the check before any of them inserts. The simulator normally commits
 * at once. Holding the gate parks every create between check and insert until released, so a test
 * can put N requests in flight at the same time without relying on timing.
 */
export class CommitGate {
  private held = false;
  private waiting: Array<() => void> = [];
  private watchers: Array<{ n: number; resolve: () => void }> = [];

  hold(): void {
    this.held = true;
  }

  /** Opens the gate; parked creates commit in the order they arrived. */
  release(): void {
    this.held = false;
    for (const go of this.waiting.splice(0)) go();
  }

  /** Undefined when open (commit synchronously), else a promise that resolves on release. */
  pass(): Promise<void> | undefined {
    if (!this.held) return undefined;
    const parked = new Promise<void>((resolve) => this.waiting.push(resolve));
    this.notify();
    return parked;
  }

  count(): number {
    return this.waiting.length;
  }

  /** Resolves once at least `n` creates are parked. */
  whenHeld(n: number): Promise<void> {
    return new Promise((resolve) => {
      this.watchers.push({ n, resolve });
      this.notify();
    });
  }

  private notify(): void {
    this.watchers = this.watchers.filter((w) => (this.waiting.length >= w.n ? (w.resolve(), false) : true));
  }
}
