/**
 * How far into one batch of stream records (one GetRecords page) every
 * consumer is done, so a checkpoint never passes a record some function has
 * not handled. Each consumer sees only the records its filter matches and
 * works through them in order; a record it was not shown is settled for it
 * as soon as the records it was shown before it are. A record that a consumer
 * gave up on (skipped after its retries, as Lambda's mapping does) is not
 * settled: the checkpoint stays before it, so a restart tries it again.
 */
export class BatchSettlement {
  /** Per consumer: the positions in the batch of the records it was shown. */
  private readonly shown: number[][];
  /** Per consumer: how many of those are handled. */
  private readonly handled: number[];
  /** Per consumer: the position of the first record it gave up on, if any. */
  private readonly gaveUpAt: (number | undefined)[];

  constructor(
    private readonly size: number,
    shownPerConsumer: readonly (readonly number[])[],
  ) {
    this.shown = shownPerConsumer.map((positions) => [...positions]);
    this.handled = this.shown.map(() => 0);
    this.gaveUpAt = this.shown.map(() => undefined);
  }

  /** Consumer `c` handled its next `count` records (an invocation succeeded for them). */
  handledNext(c: number, count: number): void {
    this.handled[c] = Math.min(this.shown[c]!.length, this.handled[c]! + count);
  }

  /** Consumer `c` gave up on its next record and moves past it: nothing at or after it counts as settled for `c`. */
  gaveUpOnNext(c: number): void {
    this.gaveUpAt[c] ??= this.shown[c]![this.handled[c]!];
    this.handled[c] = Math.min(this.shown[c]!.length, this.handled[c]! + 1);
  }

  /** Whether some consumer gave up on a record of this batch. */
  get gaveUp(): boolean {
    return this.gaveUpAt.some((p) => p !== undefined);
  }

  /** How many records at the head of the batch every consumer is done with. */
  settledCount(): number {
    let count = this.size;
    this.shown.forEach((positions, c) => {
      const next = positions[this.handled[c]!];
      const firstOpen = Math.min(next ?? this.size, this.gaveUpAt[c] ?? this.size);
      count = Math.min(count, firstOpen);
    });
    return count;
  }
}
