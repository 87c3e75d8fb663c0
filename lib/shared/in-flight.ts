/**
 * Runs `work` on every item, at most `width` at a time. After a failure no
 * new item is started, and the first failure is thrown only once the running
 * ones have stopped: a caller that tries again must not race its own
 * requests still in flight.
 */
export async function inFlight<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  }));
  if (failure) throw failure.error;
}
